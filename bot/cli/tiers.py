"""`kickoff-bot tiers import PROGRAM FILE.csv` and `kickoff-bot tiers PROGRAM [--csv]`: the hidden
tiers, loaded from a file and listed for the breakouts; only the shell ever shows them."""

from __future__ import annotations

import argparse
import sys
from itertools import groupby
from pathlib import Path
from typing import Any

from bot.cli.failures import read_bytes
from bot.cli.operator import SHELL_OPERATOR
from bot.cli.runtime import Runtime
from bot.domain.export import csv_bytes
from bot.errors import InvalidInput
from bot.services.tiers.breakout import BREAKOUT_COLUMNS, breakout_rows
from bot.services.tiers.importing import import_tiers
from bot.settings import Settings
from db.models import Tier

FILE_FORMAT = """\
The file is UTF-8 CSV (a BOM is fine), separated by commas or semicolons; the first line
is the header. Columns:
  email, slack_id  which rep: either column, or both (a rep of the program)
  attainment       percent of quota over the trailing 6 months (104.5, 104,5 or 104.5%)
  tier             top, middle or bottom (a row's tier, when given, is kept as it is)
Reps given only attainment are split into thirds, highest first: n // 3 in the top and the
bottom third, the rest in the middle (with two left over, the top takes one); equal
attainments share a tier, the higher one. If any row is bad, nothing is stored and every bad
row is listed as "line N: why". A file replaces the program's tiers. Tiers are never shown in
Slack: not to reps, not to managers, in no message, modal or App Home.
"""


def add_parser(subparsers: Any) -> None:
    """Register `tiers` and `tiers import`."""
    parser = subparsers.add_parser(
        "tiers", help="hidden tiers by trailing attainment, for breakouts (shell only)",
        description="kickoff-bot tiers import PROGRAM FILE.csv stores each rep's tier, all rows "
        "or none; kickoff-bot tiers PROGRAM [--csv] lists the breakouts. The shell's operator "
        "holds the database and counts as a kickoff admin.",
        epilog=FILE_FORMAT, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("words", nargs="+", metavar="PROGRAM | import PROGRAM FILE.csv")
    parser.add_argument("--csv", action="store_true", help="print the lists as CSV")
    parser.set_defaults(run=run_tiers)


def run_tiers(args: argparse.Namespace, settings: Settings) -> int:
    """Import a file, or print the breakout lists."""
    words: list[str] = args.words
    if words[0] == "import":
        if len(words) != 3:
            raise InvalidInput("usage: kickoff-bot tiers import PROGRAM FILE.csv")
        return run_import(words[1], Path(words[2]), settings)
    if len(words) != 1:
        raise InvalidInput("usage: kickoff-bot tiers PROGRAM [--csv]")
    runtime = Runtime(settings)
    with runtime.session_factory() as session:
        program = runtime.program(session, words[0])
        rows = breakout_rows(session=session, program=program, actor=SHELL_OPERATOR)
    if args.csv:
        sys.stdout.write(csv_bytes(BREAKOUT_COLUMNS, rows).decode())
        return 0
    print(f"Breakouts of {program.name} (hidden tiers: never shown in Slack)")
    if not rows:
        print("no tiers yet: kickoff-bot tiers import PROGRAM FILE.csv")
    for tier, members in groupby(rows, key=lambda row: row[0]):
        listed = list(members)
        print(f"\n{tier} tier ({len(listed)}):")
        print("\n".join(f"  {row[1]} <{row[2] or row[3]}>" + (f", {row[4]}" if row[4] else "")
                        for row in listed))
    return 0


def run_import(ref: str, path: Path, settings: Settings) -> int:
    """Store the file's tiers, all or none, and print how many reps each tier got."""
    content = read_bytes(path)
    runtime = Runtime(settings)
    with runtime.session_factory.begin() as session:
        program = runtime.program(session, ref)
        counts = import_tiers(session=session, program=program, content=content,
                              now=runtime.clock.now())
    sizes = ", ".join(f"{counts[tier]} {tier}" for tier in Tier)
    print(f"tiers of {program.name!r} imported: {sum(counts.values())} reps ({sizes})")
    return 0
