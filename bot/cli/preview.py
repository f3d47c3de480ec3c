"""`kickoff-bot program preview PROGRAM [--days N]`: the program's weeks and working hours, then
every send planned, per person, in their local time."""

from __future__ import annotations

import argparse
from datetime import timedelta
from itertools import groupby
from typing import Any

from bot.cli.runtime import Runtime
from bot.domain.program_calendar import CalendarWeek, WeekKind
from bot.errors import InvalidInput
from bot.features.registry import REGISTRY
from bot.services.availability import event_days, work_window
from bot.services.program_weeks import calendar_of
from bot.services.programs import find_program
from bot.settings import Settings
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
                         help=f"how many days ahead, from now (default {DEFAULT_DAYS})")
    preview.set_defaults(run=run_preview)


def run_preview(args: argparse.Namespace, settings: Settings) -> int:
    """Print the program's planned sends over the next --days days, grouped by recipient."""
    if not 1 <= args.days <= MAX_DAYS:
        raise InvalidInput(f"--days must be between 1 and {MAX_DAYS}")
    runtime = Runtime(settings)
    start = runtime.clock.now()
    with runtime.session_factory() as session:  # never committed: a preview changes nothing
        program = find_program(
            session=session, workspace=runtime.workspace(session), ref=args.program
        )
        name, weeks, hours = program.name, calendar_of(program).weeks, _hours_line(program)
        items = preview_program(
            session=session, program=program, planners=REGISTRY.planners(settings),
            start=start, end=start + timedelta(days=args.days), describe=REGISTRY.describe,
        )
    print(f"{name}: the program's weeks")
    print("\n".join(_week_line(week) for week in weeks))
    print(hours)
    print(f"\n{name}: {len(items)} send(s) planned in the next {args.days} days")
    for recipient, sends in groupby(items, key=lambda item: item.recipient):
        print(_grouped(recipient, list(sends)))
    return 0


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
