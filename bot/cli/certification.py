"""`kickoff-bot certification create PROGRAM --file cert.yml` and
`kickoff-bot certifications PROGRAM [--json|--csv]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from bot.cli.failures import read_text
from bot.cli.runtime import Runtime
from bot.domain.certification.cert_file import read_certification
from bot.domain.counting import counted
from bot.domain.export import export_bytes
from bot.errors import InvalidInput
from bot.services.certification.create import create_certification
from bot.services.certification.export import COLUMNS, certification_rows
from bot.settings import Settings


def add_parser(subparsers: Any) -> None:
    """Register `certification create` and `certifications`."""
    parser = subparsers.add_parser("certification", help="define a certification")
    actions = parser.add_subparsers(dest="certification_command", required=True,
                                    metavar="ACTION")
    create = actions.add_parser(
        "create", help="create a certification from a YAML file",
        description="The file names the certification, its stage (pre-event, post-event, "
        "spotcheck), opening and due days from the kickoff, questions (question, options, "
        "answer: the right option repeated), an optional talk_track prompt, the pass mark and "
        "attempts; see the README. Every problem is named with its line.")
    create.add_argument("program", metavar="PROGRAM", help="program name or id")
    create.add_argument("--file", required=True, type=Path, metavar="FILE",
                        help="the certification in YAML")
    create.set_defaults(run=run_create)
    listing = subparsers.add_parser("certifications",
                                    help="each rep's certification status and scores")
    listing.add_argument("program", metavar="PROGRAM", help="program name or id")
    output = listing.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the rows as JSON")
    output.add_argument("--csv", action="store_true", help="print the rows as CSV")
    listing.set_defaults(run=run_list)


def run_create(args: argparse.Namespace, settings: Settings) -> int:
    """Read the file, create the certification, say when it opens and is due."""
    text = read_text(args.file, "--file")
    try:
        spec = read_certification(text)
    except InvalidInput as refusal:
        raise InvalidInput(f"{args.file}: {refusal}") from None
    runtime = Runtime(settings)
    with runtime.session_factory.begin() as session:
        program = runtime.program(session, args.program)
        made = create_certification(session=session, program=program, spec=spec, actor=None,
                                    now=runtime.clock.now())
        print(f"created certification {made.id} {made.name!r} ({made.stage}) for "
              f"{program.name}: opens on day {made.opens_day:+d}, due on day {made.due_day:+d}, "
              f"{counted(made.attempts, 'attempt')}")
    return 0


def run_list(args: argparse.Namespace, settings: Settings) -> int:
    """Print every rep's status per certification: a table, JSON or CSV."""
    runtime = Runtime(settings)
    with runtime.session_factory() as session:
        program = runtime.program(session, args.program)
        rows = certification_rows(session=session, program=program, now=runtime.clock.now())
    if args.json or args.csv:
        sys.stdout.write(export_bytes(COLUMNS, rows, as_json=args.json).decode())
        return 0
    if not rows:
        print(f"{program.name} has no certifications yet (`kickoff-bot certification create`)")
    for row in rows:
        score = "-" if row["best_percent"] is None else f"{row['best_percent']}%"
        print(f"{row['certification']!s:<24} {row['person']!s:<24} {row['status']!s:<16} "
              f"best {score:>4}  {row['attempts_left']} left  due {row['due_on']}")
    return 0
