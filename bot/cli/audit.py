"""`kickoff-bot audit PROGRAM [--week YYYY-Www] [--csv FILE] [--json]`: a week's coaching audit
as it was posted (or, for a week not audited yet, as it stands now), or its rows as CSV."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from bot.blocks.audit_lines import (
    blocker_lines,
    change_lines,
    manager_lines,
    managers_title,
    summary_lines,
)
from bot.cli.runtime import Runtime
from bot.cli.times import shown
from bot.domain.audit.numbers import WeekNumbers
from bot.domain.export import json_text
from bot.services.audit.compute import compute_week
from bot.services.audit.export import audit_json, csv_bytes, manager_rows, rep_rows
from bot.services.audit.snapshot import snapshot_of, week_numbers_of
from bot.services.audit.weeks import current_week, parse_week, week_label
from bot.settings import Settings
from db.models import AuditKind


def add_parser(subparsers: Any) -> None:
    """Register `audit`."""
    parser = subparsers.add_parser(
        "audit", help="a week's coaching-completion audit; CSV rows for RevOps",
        description="Prints the audit of a week as it was posted (a week not audited yet: as it "
        "stands now). --csv writes every manager's and every rep's coaching per week, 1:1s, "
        "call reviews and territory reviews apart; --json prints the audit's numbers.",
    )
    parser.add_argument("program", metavar="PROGRAM", help="program name or id")
    parser.add_argument("--week", help="ISO week, e.g. 2027-W03 (default: the current week)")
    parser.add_argument("--csv", type=Path, metavar="FILE", help="write the rows as CSV to FILE")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    parser.set_defaults(run=run_audit)


def run_audit(args: argparse.Namespace, settings: Settings) -> int:
    """Print (or export) the audit of one program and week."""
    runtime = Runtime(settings)
    now = runtime.clock.now()
    with runtime.session_factory() as session:
        program = runtime.program(session, args.program)
        monday = parse_week(args.week) if args.week else current_week(program, now)
        stored = snapshot_of(session=session, program_id=program.id, kind=AuditKind.WEEKLY,
                             week=week_label(monday))
        numbers = (week_numbers_of(stored) if stored is not None
                   else compute_week(session=session, program=program, monday=monday, now=now))
        reps = (rep_rows(session=session, program=program, now=now, up_to=numbers.program_week)
                if args.csv else [])
    if args.csv:
        rows = manager_rows(numbers) + reps
        args.csv.write_bytes(csv_bytes(rows))
        print(f"wrote {len(rows)} rows (per manager and per rep, each week) to {args.csv}")
    elif args.json:
        print(json_text(audit_json(numbers)))
    else:
        print("\n".join(audit_text(numbers, posted=stored is not None)))
    return 0


def audit_text(numbers: WeekNumbers, *, posted: bool) -> list[str]:
    """The audit as plain lines for a terminal."""
    def same(text: str) -> str:
        """A terminal shows text as it is: nothing to escape."""
        return text

    status = "as posted" if posted else f"as of {shown(numbers.as_of, numbers.timezone)}"
    lines = [f"Coaching audit of {numbers.program}, week of {numbers.monday} ({numbers.week}), "
             f"{status}", ""]
    lines += [f"{label}: {value}" for label, value in summary_lines(numbers, same)]
    lines += ["", managers_title(numbers), *manager_lines(numbers, same)]
    blockers = blocker_lines(numbers, same)
    if blockers:
        lines += ["", "Open blockers by manager (the manager with the oldest first):", *blockers]
    changes = change_lines(numbers.changes)
    return lines + (["", "Changed after it was posted:", *changes] if changes else [])
