"""`kickoff-bot deliveries [retry ID]`: what the outbox sent, will send, or gave up on."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.cli.runtime import Runtime
from bot.domain.export import json_text
from bot.services.deliveries import (
    RETRY_WINDOW,
    describe_delivery,
    list_deliveries,
    retry_delivery,
)
from bot.settings import Settings
from db.models import Delivery, DeliveryStatus

STATUSES = ", ".join(status.value for status in DeliveryStatus)
WHEN_HELP = "YYYY-MM-DD or YYYY-MM-DDTHH:MM, in DEFAULT_TIMEZONE unless an offset is given"


def add_parser(subparsers: Any) -> None:
    """Register `deliveries` and `deliveries retry`."""
    parser = subparsers.add_parser(
        "deliveries", help="list the outbox; retry a failed message",
        description="Without an action: list outbox rows, newest due first (times in UTC).",
    )
    parser.add_argument("--status", action="extend", type=_statuses, default=[],
                        help=f"only these statuses, comma-separated: {STATUSES}")
    parser.add_argument("--since", metavar="WHEN", type=_when,
                        help=f"only rows due from WHEN on ({WHEN_HELP})")
    parser.add_argument("--limit", type=int, default=100, help="rows shown (default 100)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=run_list)
    actions = parser.add_subparsers(dest="deliveries_command", metavar="ACTION")
    retry = actions.add_parser(
        "retry", help="send a failed, expired or cancelled row again (never a sent one)"
    )
    retry.add_argument("id", type=int, metavar="ID", help="the delivery id (see `deliveries`)")
    minutes = int(RETRY_WINDOW.total_seconds() // 60)
    retry.add_argument("--until", metavar="WHEN", type=_when,
                       help=f"send no later than WHEN ({WHEN_HELP}; default: {minutes} minutes "
                       "from now)")
    retry.set_defaults(run=run_retry)


def _statuses(text: str) -> list[DeliveryStatus]:
    try:
        return [DeliveryStatus(part.strip().lower()) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: statuses are {STATUSES}") from None


def run_list(args: argparse.Namespace, settings: Settings) -> int:
    """Print deliveries, newest due first."""
    since = _in_utc(args.since, settings) if args.since else None
    with Runtime(settings).session_factory() as session:
        page = list_deliveries(session=session, statuses=args.status, since=since,
                               limit=args.limit)
        rows = [describe_delivery(delivery) for delivery in page.rows]
        lines = [_line(delivery) for delivery in page.rows]
    if args.json:
        print(json_text(rows))
        return 0
    print("\n".join(lines) if lines else "no deliveries match")
    if page.more:
        print(f"(the newest {args.limit} shown; narrow with --status/--since or raise --limit)")
    return 0


def run_retry(args: argparse.Namespace, settings: Settings) -> int:
    """Plan one failed, expired or cancelled delivery again, due now."""
    until = _in_utc(args.until, settings) if args.until else None
    runtime = Runtime(settings)
    with runtime.session_factory.begin() as session:
        delivery = retry_delivery(session=session, delivery_id=args.id, now=runtime.clock.now(),
                                  until=until)
        print(f"delivery {delivery.id} ({delivery.kind} to {delivery.channel}) is planned again; "
              f"it is sent by {delivery.window_end:%Y-%m-%d %H:%M} UTC or expires")
    return 0


def _when(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date or time ({WHEN_HELP})") from None


def _in_utc(when: datetime, settings: Settings) -> datetime:
    """`when` in UTC; a time given without an offset is in DEFAULT_TIMEZONE."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=ZoneInfo(settings.default_timezone))
    return when.astimezone(UTC)


def _line(delivery: Delivery) -> str:
    problem = f"  {delivery.error}" if delivery.error else ""
    return (f"{delivery.id:>7}  {delivery.status.value:<9} {delivery.due_at:%Y-%m-%d %H:%M} UTC  "
            f"{delivery.kind:<20} {delivery.channel:<12} {delivery.key}{problem}")
