"""`kickoff-bot plans contract PROGRAM [--file F] [--day N] [--at HH:MM]`: the behaviour contract
reps sign and when the breakout asks for plans; `kickoff-bot plans export PROGRAM --csv [-o FILE]`:
one row per rep with their signed plan, through the shared export writer."""

from __future__ import annotations

import argparse
from datetime import time
from pathlib import Path
from typing import Any

from bot.cli.export import write_file
from bot.cli.failures import read_text
from bot.cli.runtime import Runtime
from bot.domain.export import export_bytes
from bot.errors import InvalidField
from bot.services.plans.contract import Contract, contract_of, write_contract
from bot.services.plans.export import PLAN_COLUMNS, plan_rows
from bot.settings import Settings


def add_parser(subparsers: Any) -> None:
    """Register `plans` and its actions."""
    parser = subparsers.add_parser("plans", help="reps' signed plans: the contract, the export")
    actions = parser.add_subparsers(dest="plans_command", required=True, metavar="ACTION")
    contract = actions.add_parser(
        "contract", help="show the 30-day behaviour contract reps sign, or set it",
        description="Show the contract (sent with the welcome, before the event) and when the "
                    "breakout asks for plans; --file, --day and --at change them.")
    contract.add_argument("program", metavar="PROGRAM", help="program name or id")
    contract.add_argument("--file", type=Path, help="a text file holding the contract")
    contract.add_argument("--day", type=int, help="the event day of the breakout (default 1)")
    contract.add_argument("--at", metavar="HH:MM",
                          help="the breakout's time in the program's zone (default 14:00)")
    contract.set_defaults(run=run_contract)
    export = actions.add_parser("export", help="one row per rep: goal, obstacles, plan, "
                                               "both signature times, version")
    export.add_argument("program", metavar="PROGRAM", help="program name or id")
    form = export.add_mutually_exclusive_group()
    form.add_argument("--csv", action="store_true", help="CSV (the default)")
    form.add_argument("--json", action="store_true", help="JSON")
    export.add_argument("--output", "-o", metavar="FILE", dest="file", type=Path,
                        default=Path("-"), help="where to write (default: the terminal)")
    export.set_defaults(run=run_export)


def run_contract(args: argparse.Namespace, settings: Settings) -> int:
    """Show, or change, one program's contract."""
    runtime = Runtime(settings)
    text = None if args.file is None else read_text(args.file, "--file")
    at = None if args.at is None else _time(args.at)
    with runtime.session_factory.begin() as session:
        program = runtime.program(session, args.program)
        if text is None and at is None and args.day is None:
            contract = contract_of(session=session, program=program)
        else:
            contract = write_contract(session=session, program=program, now=runtime.clock.now(),
                                      text=text, breakout_day=args.day, breakout_time=at)
        name, zone = program.name, program.timezone
    print("\n".join(contract_lines(name, zone, contract)))
    return 0


def contract_lines(program_name: str, zone: str, contract: Contract) -> list[str]:
    """The contract as the shell shows it."""
    origin = "" if contract.written else " (the default)"
    return [f"Contract of {program_name!r}{origin}; plans asked on event day "
            f"{contract.breakout_day} at {contract.breakout_time:%H:%M} {zone}:",
            contract.text]


def run_export(args: argparse.Namespace, settings: Settings) -> int:
    """Write the plans of one program."""
    runtime = Runtime(settings)
    with runtime.session_factory() as session:
        program = runtime.program(session, args.program)
        rows = plan_rows(session=session, program=program)
    write_file(args.file, export_bytes(PLAN_COLUMNS, rows, as_json=args.json))
    if str(args.file) != "-":
        print(f"wrote {len(rows)} plans of {program.name!r} to {args.file}")
    return 0


def _time(text: str) -> time:
    try:
        return time.fromisoformat(text)
    except ValueError as error:
        raise InvalidField("--at", f"{text!r} is not a time like 14:00") from error
