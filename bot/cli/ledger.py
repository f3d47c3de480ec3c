"""`kickoff-bot ledger [--csv|--md]`: every program's decisions beside its read-out figures and
break-even, through the shared export writer."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from bot.cli.runtime import Runtime
from bot.domain.export import csv_bytes, markdown_table
from bot.features.registry import REGISTRY
from bot.services.ledger.table import DECISION_COLUMNS, PROGRAM_COLUMNS, Ledger, build_ledger
from bot.settings import Settings


def add_parser(subparsers: Any) -> None:
    """Register `ledger`."""
    parser = subparsers.add_parser(
        "ledger", help="the ROI ledger: decisions, read-out figures and break-even per program")
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--csv", action="store_true", help="print CSV")
    form.add_argument("--md", action="store_true", help="print a Markdown table")
    parser.set_defaults(run=run_ledger)


def run_ledger(args: argparse.Namespace, settings: Settings) -> int:
    """Print the ledger."""
    runtime = Runtime(settings)
    with runtime.session_factory() as session:
        ledger = build_ledger(session=session, workspace_id=runtime.workspace(session).id,
                              columns=REGISTRY.ledger_columns())
    rows = [[row.get(name) for name in ledger.columns] for row in ledger.rows]
    if args.csv:
        sys.stdout.write(csv_bytes(ledger.columns, rows).decode("utf-8"))
    elif args.md:
        sys.stdout.write(markdown_table(ledger.columns, rows))
    else:
        print("\n".join(ledger_lines(ledger)))
    return 0


def ledger_lines(ledger: Ledger) -> list[str]:
    """The ledger for a terminal: each program's figures, then its decisions indented."""
    lines: list[str] = []
    shown: set[object] = set()
    figures = [name for name in ledger.columns
               if name not in DECISION_COLUMNS and name not in PROGRAM_COLUMNS]
    for row in ledger.rows:
        if row["program"] not in shown:
            shown.add(row["program"])
            values = "; ".join(f"{name} {row.get(name)}" for name in figures
                               if row.get(name) is not None)
            lines.append(f"{row['program']} (kickoff {row['kickoff_date']}): "
                         f"{values or 'no read-out yet'}")
        if row.get("intervention") is not None:
            lines.append(f"  {row['intervention']}: {row['decision']} (owner {row['owner']}, "
                         f"v{row['version']}): {row['reason']} [confounds: {row['confounds']}]")
    return lines or ["no programs yet"]
