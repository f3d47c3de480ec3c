"""`kickoff-bot export standups|coaching PROGRAM FILE`: a program's standup answers or coaching log
as CSV or JSON (FILE ending in .json), through the shared export writer."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.cli.runtime import Runtime
from bot.domain.export import export_bytes
from bot.services.exports import (
    COACHING_COLUMNS,
    STANDUP_COLUMNS,
    Row,
    coaching_log_rows,
    standup_answer_rows,
)
from bot.settings import Settings

Rows = Callable[..., list[Row]]
# export -> (help, columns, rows)
EXPORTS: dict[str, tuple[str, tuple[str, ...], Rows]] = {
    "standups": ("every standup answer: day, rep, manager, what they wrote, blockers",
                 STANDUP_COLUMNS, standup_answer_rows),
    "coaching": ("the coaching log: each 1:1, call review and territory review, with rubric "
                 "scores (never the 1:1 notes, which are the rep's and manager's only)",
                 COACHING_COLUMNS, coaching_log_rows),
}


def add_parser(subparsers: Any) -> None:
    """Register `export` and its actions."""
    parser = subparsers.add_parser("export", help="a program's standup answers or coaching log "
                                                  "as CSV or JSON")
    actions = parser.add_subparsers(dest="export_command", required=True, metavar="WHAT")
    for name, (summary, _columns, _rows) in EXPORTS.items():
        action = actions.add_parser(name, help=summary, description=summary.capitalize() + ".")
        action.add_argument("program", metavar="PROGRAM", help="program name or id (#ID: the id)")
        action.add_argument("file", metavar="FILE", type=Path,
                            help="where to write: FILE.json for JSON, any other name for CSV, "
                                 "- for the terminal (CSV)")
        action.set_defaults(run=run_export, export=name)


def run_export(args: argparse.Namespace, settings: Settings) -> int:
    """Write one export of one program."""
    _summary, columns, rows_of = EXPORTS[args.export]
    runtime = Runtime(settings)
    with runtime.session_factory() as session:
        program = runtime.program(session, args.program)
        rows = rows_of(session=session, program=program)
    data = export_bytes(columns, rows, as_json=args.file.suffix.lower() == ".json")
    write_file(args.file, data)
    if str(args.file) != "-":
        print(f"wrote {len(rows)} rows of {program.name!r} ({args.export}) to {args.file}")
    return 0


def write_file(path: Path, data: bytes) -> None:
    """Write an export to `path` (`-`: standard output); a path that cannot be written is said
    in one line by bot/cli/failures.py, and nothing is left behind."""
    if str(path) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    path.write_bytes(data)

