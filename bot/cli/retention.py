"""`kickoff-bot program retention PROGRAM [DAYS|off]`: how long a program's personal data is
kept after it ends (off unless set; then the worker purges it, as `person erase` does)."""

from __future__ import annotations

import argparse
from typing import Any

from bot.cli.runtime import Runtime
from bot.errors import InvalidInput
from bot.services.erasure.retention import set_retention
from bot.settings import Settings


def add_retention_parser(actions: Any) -> None:
    """Register `program retention`."""
    retention = actions.add_parser(
        "retention", help="how long personal data is kept after the program ends",
        description="Without DAYS: the program's retention. With DAYS, the worker purges the "
        "members' personal data (as `person erase` does; someone in another program loses only "
        "this program's rows) DAYS days after the program ended or was archived; figures "
        "already published are kept. off: kept until erased (the default).")
    retention.add_argument("program", metavar="PROGRAM", help="program name or id (#ID: the id)")
    retention.add_argument("days", metavar="DAYS|off", nargs="?", help="days, or off")
    retention.set_defaults(run=run_retention)


def run_retention(args: argparse.Namespace, settings: Settings) -> int:
    """Show or set a program's retention."""
    runtime = Runtime(settings)
    with runtime.session_factory.begin() as session:
        program = runtime.program(session, args.program)
        if args.days is not None:
            set_retention(program=program, days=_days(args.days))
        days = program.retention_days
        kept = ("kept until erased (no retention set)" if days is None
                else f"purged {days} days after the program ends")
        print(f"personal data of {program.name!r}: {kept}")
    return 0


def _days(text: str) -> int | None:
    if text.strip().lower() == "off":
        return None
    if not text.strip().isdigit():
        raise InvalidInput(f"retention: {text!r} is not a number of days (or off)")
    return int(text)
