"""`kickoff-bot standups PROGRAM [--json] [--at ...]`: standup participation per day, team and
manager."""

from __future__ import annotations

import argparse
from typing import Any

from bot.cli.runtime import Runtime
from bot.cli.times import ZONE_HELP, shown
from bot.domain.export import json_text
from bot.domain.standups.participation import Counts
from bot.domain.standups.wording import participation_text
from bot.services.standups.report import COLUMNS, participation_report
from bot.settings import Settings


def add_parser(subparsers: Any) -> None:
    """Register `standups`."""
    parser = subparsers.add_parser(
        "standups",
        help="week-1 standup participation of a program",
        description="Expected, answered (late: after the reminder time), excused (out of "
        "office, out today, prompt expired or program paused), missed and still pending, per "
        "standup day, team and manager, with each manager's open blockers.",
    )
    parser.add_argument("program", metavar="PROGRAM", help="program name or id")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--at", metavar="WHEN",
                        help=f"the figures as they stood at WHEN, YYYY-MM-DDTHH:MM {ZONE_HELP}")
    parser.set_defaults(run=run_standups)


def run_standups(args: argparse.Namespace, settings: Settings) -> int:
    """Print the participation report of one program."""
    runtime = Runtime(settings)
    with runtime.session_factory() as session:
        program = runtime.program(session, args.program)
        # the shell's operator holds the database: every team is shown, however small
        now = runtime.at(args.at, tz=program.timezone)
        report = participation_report(session=session, program=program, now=now,
                                      for_operator=True)
    if args.json:
        print(json_text(report))
        return 0
    print(f"Week-1 standups of {report['program']} as of {shown(now, program.timezone)}")
    _table("Day", [(f"Day {d['day']}  {d['date']}", d) for d in report["days"]])
    _table("Team", [(t["team"] or "(no team)", t) for t in report["teams"]])
    _table(
        "Manager",
        [(m["manager"] or "(no manager)", m) for m in report["managers"]],
        extra="open_blockers",
    )
    _table("", [("Total", report["totals"])])
    print(f"\nTotal: {participation_text(Counts(**report['totals']))}")
    return 0


def _table(title: str, rows: list[tuple[str, dict[str, Any]]], *, extra: str | None = None) -> None:
    columns = (*COLUMNS, extra) if extra else COLUMNS
    print(f"\n{title:<24}" + "".join(f"{name.replace('_', ' '):>14}" for name in columns))
    for label, values in rows:
        print(f"{label[:24]:<24}" + "".join(f"{values[name]:>14}" for name in columns))

