"""`kickoff-bot coaching PROGRAM [--manager ...] [--json] [--at ...]`: the coaching record.

Per manager and program week: due / done / rescheduled / skipped / missed / excused / disputed of
each cadence type; per rep: rubric scores first vs latest. Notes are never shown here.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict, replace
from typing import Any

from bot.cli.runtime import Runtime
from bot.cli.times import ZONE_HELP, shown
from bot.domain.coaching.vocabulary import CADENCE_NAMES, DIMENSION_LABELS
from bot.domain.counting import counted
from bot.domain.export import json_text
from bot.errors import NotFound
from bot.services.coaching.history import CoachingHistory, coaching_history
from bot.settings import Settings

COLUMNS = ("due", "done", "rescheduled", "skipped", "missed", "excused", "disputed", "open")


def add_parser(subparsers: Any) -> None:
    """Register `coaching`."""
    parser = subparsers.add_parser(
        "coaching", help="coaching record of a program: per manager and week, rubric trends"
    )
    parser.add_argument("program", help="program name or id")
    parser.add_argument("--manager", help="only this manager (Slack id or name)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--at", metavar="WHEN",
                        help=f"the record as it stood at WHEN, YYYY-MM-DDTHH:MM {ZONE_HELP}")
    parser.set_defaults(run=run_coaching)


def run_coaching(args: argparse.Namespace, settings: Settings) -> int:
    """Print the coaching record of one program."""
    runtime = Runtime(settings)
    with runtime.session_factory() as session:
        program = runtime.program(session, args.program)
        now = runtime.at(args.at, tz=program.timezone)
        history = coaching_history(session=session, program_id=program.id, now=now)
        tz = program.timezone
    if args.manager:
        history = only_manager(history, args.manager)
    if args.json:
        print(json_text(asdict(history)))
    else:
        print("\n".join(history_lines(history, tz)))
    return 0


def only_manager(history: CoachingHistory, ref: str) -> CoachingHistory:
    """The record of one manager (by Slack id or name) and the reps they scored."""
    key = ref.strip().lower()
    weeks = [
        week for week in history.weeks
        if key in (week.manager_slack_id.lower(), week.manager_name.lower())
    ]
    if not weeks:
        raise NotFound(f"No manager {ref!r} has coaching in {history.program_name!r}.")
    manager_id = weeks[0].manager_id
    rubric = [r for r in history.rubric if r.manager_id == manager_id]
    disputed = [d for d in history.disputed if d.manager_id == manager_id]
    return replace(history, weeks=weeks, rubric=rubric, disputed=disputed)


def history_lines(history: CoachingHistory, tz: str) -> list[str]:
    """The record as aligned text: a table per manager, disputes, then rubric trends per rep."""
    header = f"Coaching record of {history.program_name} as of {shown(history.now, tz)}"
    return [header, *_table_lines(history), *_dispute_lines(history), *_rubric_lines(history)]


def _table_lines(history: CoachingHistory) -> list[str]:
    lines: list[str] = []
    manager = None
    for week in history.weeks:
        if week.manager_id != manager:
            manager = week.manager_id
            lines += ["", f"{week.manager_name} ({week.manager_slack_id})",
                      "  " + " " * 27 + "".join(f"{c:>{len(c) + 2}}" for c in COLUMNS)]
        for cadence, counts in week.cadences.items():
            label = f"week {week.week}  {CADENCE_NAMES[cadence]}"
            lines.append(f"  {label:<27}" + "".join(
                f"{getattr(counts, c):>{len(c) + 2}}" for c in COLUMNS
            ))
    return lines


def _dispute_lines(history: CoachingHistory) -> list[str]:
    title = "Disputed (the rep says it did not happen; not done until resolved):"
    return (["", title] if history.disputed else []) + [
        f"  week {item.week}  {CADENCE_NAMES[item.cadence]} of {item.rep_name} "
        f"with {item.manager_name}, logged as held on {item.held_on}"
        for item in history.disputed
    ]


def _rubric_lines(history: CoachingHistory) -> list[str]:
    lines = ["", "Rubric scores, first -> latest call review:"] if history.rubric else []
    for rep in history.rubric:
        trends = ", ".join(
            f"{DIMENSION_LABELS[t.dimension]} {t.first}->{t.latest}" for t in rep.trends
        )
        reviews = counted(rep.reviews, "review")
        lines.append(f"  {rep.rep_name} ({reviews}): {trends}")
    return lines

