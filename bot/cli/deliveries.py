"""`kickoff-bot deliveries [retry ID]`: what the outbox sent, will send, or gave up on."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.cli.runtime import Runtime
from bot.cli.times import ZONE_HELP, read_time, shown
from bot.domain.export import json_text
from bot.features.registry import REGISTRY
from bot.services.deliveries import (
    RETRY_WINDOW,
    describe_delivery,
    list_deliveries,
    retry_delivery,
)
from bot.settings import Settings
from db.models import Delivery, DeliveryStatus, Program

STATUSES = ", ".join(status.value for status in DeliveryStatus)
WHEN_HELP = f"YYYY-MM-DD or YYYY-MM-DDTHH:MM, {ZONE_HELP}"


def add_parser(subparsers: Any) -> None:
    """Register `deliveries` and `deliveries retry`."""
    parser = subparsers.add_parser(
        "deliveries", help="list the outbox; retry a failed message",
        description="Without an action: list outbox rows, newest due first. Times are read "
        "and shown in the program's time zone (--program, or the one zone all programs share; "
        "shown in UTC when they differ).",
    )
    parser.add_argument("--program", help="only this program's rows (name or id)")
    parser.add_argument("--status", action="extend", type=_statuses, default=[],
                        help=f"only these statuses, comma-separated: {STATUSES}")
    parser.add_argument("--since", metavar="WHEN",
                        help=f"only rows due from WHEN on ({WHEN_HELP})")
    parser.add_argument("--limit", type=_positive, default=100, help="rows shown (default 100)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=run_list)
    actions = parser.add_subparsers(dest="deliveries_command", metavar="ACTION")
    retry = actions.add_parser(
        "retry", help="send a failed, expired or cancelled row again (never a sent one)"
    )
    retry.add_argument("id", type=int, metavar="ID", help="the delivery id (see `deliveries`)")
    minutes = int(RETRY_WINDOW.total_seconds() // 60)
    retry.add_argument("--until", metavar="WHEN",
                       help=f"send no later than WHEN (YYYY-MM-DDTHH:MM in the row's program's "
                       f"time zone unless an offset is given; default: {minutes} minutes from now)")
    retry.set_defaults(run=run_retry)


def _statuses(text: str) -> list[DeliveryStatus]:
    try:
        return [DeliveryStatus(part.strip().lower()) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: statuses are {STATUSES}") from None


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: give a whole number of rows, 1 or more")
    return int(text)


def run_list(args: argparse.Namespace, settings: Settings) -> int:
    """Print deliveries, newest due first."""
    runtime = Runtime(settings)
    with runtime.session_factory() as session:
        program = runtime.program(session, args.program) if args.program else None
        tz = program.timezone if program else _shared_zone(session)
        since = read_time(args.since, option="--since", tz=tz) if args.since else None
        page = list_deliveries(session=session, statuses=args.status, since=since,
                               program_id=program.id if program else None, limit=args.limit)
        rows = [describe_delivery(delivery) for delivery in page.rows]
        lines = [_line(delivery, tz or "UTC") for delivery in page.rows]
    if args.json:
        print(json_text(rows))
        return 0
    print("\n".join(lines) if lines else "no deliveries match")
    if page.more:
        print(f"(the newest {args.limit} shown; narrow with --status/--since or raise --limit)")
    return 0


def run_retry(args: argparse.Namespace, settings: Settings) -> int:
    """Plan one failed, expired or cancelled delivery again, due now."""
    runtime = Runtime(settings)
    with runtime.session_factory.begin() as session:
        tz = _zone_of(session, args.id)
        until = read_time(args.until, option="--until", tz=tz) if args.until else None
        delivery = retry_delivery(session=session, delivery_id=args.id, now=runtime.clock.now(),
                                  until=until, sends=REGISTRY.send_table())
        print(f"delivery {delivery.id} ({delivery.kind} to {delivery.channel}) is planned again; "
              f"it is sent by {shown(delivery.window_end, tz or 'UTC')} or expires")
    return 0


def _shared_zone(session: Session) -> str | None:
    """The programs' time zone when they all share one (None when they differ or there are none)."""
    zones = set(session.scalars(select(Program.timezone).distinct()))
    return zones.pop() if len(zones) == 1 else None


def _zone_of(session: Session, delivery_id: int) -> str | None:
    """The time zone of the delivery's program, if it has one."""
    return session.scalars(
        select(Program.timezone).join(Delivery, Delivery.program_id == Program.id)
        .where(Delivery.id == delivery_id)
    ).first()


def _line(delivery: Delivery, tz: str) -> str:
    problem = f"  {delivery.error}" if delivery.error else ""
    return (f"{delivery.id:>7}  {delivery.status.value:<9} {shown(delivery.due_at, tz)}  "
            f"{delivery.kind:<20} {delivery.channel:<12} {delivery.key}{problem}")
