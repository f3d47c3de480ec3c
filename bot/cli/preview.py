"""`kickoff-bot program preview PROGRAM [--from DATE] [--days N] [--html FILE]`: the program's
weeks and working hours, then every send planned, per person, in their local time (and, with
--html, as a page showing each message as Slack does)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from itertools import groupby
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from bot.blocks.render.markup import Directory, png_uri
from bot.cli.preview_page import Opened, write_preview_page
from bot.cli.preview_views import answer_form, home_moment, members_homes
from bot.cli.runtime import Runtime
from bot.domain.kinds import DeliveryKind
from bot.domain.local_time import at_local
from bot.domain.program_calendar import CalendarWeek, WeekKind
from bot.errors import InvalidInput
from bot.features.registry import REGISTRY
from bot.services.availability import event_days, work_window
from bot.services.names import people_names
from bot.services.program_weeks import calendar_of
from bot.settings import Settings
from bot.slack.names import channel_names
from db.models import Program
from scheduler.preview import PreviewItem, preview_program

DEFAULT_DAYS = 42  # the 30 days, the day-32 read-out, and the week or so before a kickoff
MAX_DAYS = 120


def add_preview_parser(actions: Any) -> None:
    """Register `program preview` among the `program` actions."""
    preview = actions.add_parser(
        "preview", help="list every send the program plans, per person, in their local time",
        description="Ask every planner what it would send over the next days, without queueing "
                    "anything. A draft or paused program is shown as if it were running.",
    )
    preview.add_argument("program", help="program name or id")
    preview.add_argument("--days", type=int, default=DEFAULT_DAYS,
                         help=f"how many days ahead (default {DEFAULT_DAYS})")
    preview.add_argument("--from", dest="start", default=None, metavar="YYYY-MM-DD",
                         help="start at midnight of this day, in the program's time zone "
                              "(default: now)")
    preview.add_argument("--html", type=Path, default=None, metavar="FILE",
                         help="also write a self-contained page showing each message as Slack "
                              "does, in each recipient's timeline")
    preview.set_defaults(run=run_preview)


def run_preview(args: argparse.Namespace, settings: Settings) -> int:
    """Print the program's planned sends over the next --days days, grouped by recipient."""
    if not 1 <= args.days <= MAX_DAYS:
        raise InvalidInput(f"--days must be between 1 and {MAX_DAYS}")
    first = _day(args.start)
    runtime = Runtime(settings)
    with runtime.session_factory() as session:  # never committed: a preview changes nothing
        program = runtime.program(session, args.program)
        start = _start(first, program.timezone, runtime.clock.now())
        name, weeks, hours = program.name, calendar_of(program).weeks, _hours_line(program)
        items = preview_program(
            session=session, program=program, planners=REGISTRY.planners(settings),
            start=start, end=start + timedelta(days=args.days), describe=REGISTRY.describe,
            kinds=REGISTRY.deliveries().keys(),
        )
        people = people_names(session=session, workspace_id=program.workspace_id)
        channels = [program.standup_channel, program.audit_channel]
        opened = _opened(session, program, settings, items) if args.html else Opened()
    span = (f"in the {args.days} days from {first:%a %Y-%m-%d}" if first
            else f"in the next {args.days} days")
    _print_preview(name, weeks, hours, items, span)
    if args.html:
        images = {i: png_uri(png) for item in items for i, png in item.images.items()}
        directory = Directory(people, channel_names(runtime.client, filter(None, channels)),
                              files=images)
        write_preview_page(args.html, program_name=name, items=items, directory=directory,
                           opened=opened)
        print(f"\nwritten {args.html}: open it in a browser")
    return 0


def _opened(session: Session, program: Program, settings: Settings,
            items: list[PreviewItem]) -> Opened:
    """Each member's App Home on the first standup day, and the answer form of the prompt."""
    at = home_moment(program)
    homes = members_homes(session=session, program=program,
                          kickoff_admins=settings.kickoff_admins, at=at)
    prompt = REGISTRY.deliveries()[DeliveryKind.STANDUP_PROMPT].name
    prompted = {item.recipient for item in items if item.what == prompt}
    return Opened(
        homes={who: (at, view) for who, view in homes.items()},
        forms={who: (prompt, "standup answer form", answer_form(program, _slack_id(who)))
               for who in prompted},
    )


def _slack_id(recipient: str) -> str:
    """The Slack id in "Name (U…)"."""
    return recipient.rsplit("(", 1)[1].rstrip(")")


def _print_preview(name: str, weeks: Sequence[CalendarWeek], hours: str,
                   items: list[PreviewItem], span: str) -> None:
    print(f"{name}: the program's weeks")
    print("\n".join(_week_line(week) for week in weeks))
    print(hours)
    print(f"\n{name}: {len(items)} send(s) planned {span}")
    for recipient, sends in groupby(items, key=lambda item: item.recipient):
        print(_grouped(recipient, list(sends)))


def _day(text: str | None) -> date | None:
    """The --from date, if given."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"--from must be a date, YYYY-MM-DD (not {text!r})") from None


def _start(day: date | None, timezone: str, now: datetime) -> datetime:
    """Midnight of --from in the program's time zone, or now."""
    return at_local(day, time(0), timezone) if day else now


def _week_line(week: CalendarWeek) -> str:
    """Week 1 lists its standup days; a coaching week its Monday and Sunday."""
    if week.kind is WeekKind.STANDUPS:
        days = ", ".join(f"{day:%a %Y-%m-%d}" for day in week.standup_days)
        return f"  Week {week.number}, {week.kind}: {days}"
    return f"  Week {week.number}, {week.kind}: {week.first:%a %Y-%m-%d} to {week.last:%a %Y-%m-%d}"


def _hours_line(program: Program) -> str:
    """The working window every DM waits for, and where the event's days move it."""
    first, last = event_days(program)
    days = f"{first:%a %Y-%m-%d}" + (f" to {last:%a %Y-%m-%d}" if last > first else "")
    return (f"  Working hours: {work_window(program)} in each person's own time zone; on the "
            f"event's days ({days}) in the program's, {program.timezone}")


def _grouped(recipient: str, sends: list[PreviewItem]) -> str:
    lines = [f"\n{recipient}, {sends[0].timezone}:"]
    lines += [f"  {item.local_due:%a %Y-%m-%d %H:%M}  {item.what}" for item in sends]
    return "\n".join(lines)
