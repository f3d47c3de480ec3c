"""`kickoff-bot program copy PROGRAM --name N --kickoff-date D` (the next kickoff, as a draft)
and `kickoff-bot program break-even PROGRAM` (the optional break-even inputs)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from bot.cli.failures import in_options
from bot.cli.runtime import Runtime
from bot.domain.ledger.break_even import QuotaPeriod
from bot.errors import InvalidField, InvalidInput
from bot.features.registry import REGISTRY
from bot.services.ledger.break_even import break_even_of, set_break_even
from bot.services.ledger.copy import copy_program, describe_copy
from bot.settings import Settings
from bot.slack.directory import member_directory

COPY_OPTIONS = {"name": "--name", "kickoff_date": "--kickoff-date"}
BREAK_EVEN_OPTIONS = {"cost": "--cost", "reps": "--reps", "quota": "--quota",
                      "period": "--quota-period"}


def add_copy_parsers(actions: Any) -> None:
    """Register `program copy` and `program break-even`."""
    copy = actions.add_parser(
        "copy", help="a new draft from a program: settings, templates, roster re-resolved",
        description="Makes a draft with the program's settings, metric settings, survey "
        "templates and whatever else each feature carries, and its roster re-resolved against "
        "Slack (people deactivated since are dropped). Nothing people answered, planned or "
        "scored is copied, and the draft sends nothing until it is launched.")
    copy.add_argument("program", metavar="PROGRAM", help="program name or id (#ID: the id)")
    copy.add_argument("--name", required=True, help="the new program's name (unique)")
    copy.add_argument("--kickoff-date", required=True, help="its kickoff, YYYY-MM-DD")
    copy.set_defaults(run=run_copy)
    inputs = actions.add_parser(
        "break-even", help="the event's cost, reps and quota, for break-even maths",
        description="Without options: the program's break-even. With all four: the attainment "
        "needed to break even, cost / (reps x quota) over the quota's period, shown in the "
        "read-out and set beside the attainment lift measured over the same period.")
    inputs.add_argument("program", metavar="PROGRAM", help="program name or id (#ID: the id)")
    inputs.add_argument("--cost", type=float, help="the event's all-in cost")
    inputs.add_argument("--reps", type=int, help="the number of reps")
    inputs.add_argument("--quota", type=float, help="each rep's quota over its period")
    inputs.add_argument("--quota-period", dest="period", choices=[p.value for p in QuotaPeriod],
                        help="the quota's period")
    inputs.set_defaults(run=run_break_even)


def run_copy(args: argparse.Namespace, settings: Settings) -> int:
    """Copy a program into a new draft and say what came along."""
    runtime = Runtime(settings)
    try:
        kickoff = date.fromisoformat(args.kickoff_date)
    except ValueError:
        raise InvalidInput(f"--kickoff-date: {args.kickoff_date!r} is not a date; write "
                           "YYYY-MM-DD. Nothing was changed") from None
    with runtime.session_factory.begin() as session:
        source = runtime.program(session, args.program)
        directory = member_directory(runtime.client, len(source.memberships))
        try:
            outcome = copy_program(session=session, source=source, name=args.name,
                                   kickoff_date=kickoff, directory=directory,
                                   hooks=REGISTRY.copy_hooks(), today=runtime.today())
        except InvalidField as refusal:
            raise in_options(refusal, COPY_OPTIONS) from None
        print(describe_copy(source, outcome))
        print(f"Launch it with `kickoff-bot program launch {outcome.program.id}`.")
    return 0


def run_break_even(args: argparse.Namespace, settings: Settings) -> int:
    """Show or set a program's break-even inputs."""
    given = [args.cost, args.reps, args.quota, args.period]
    runtime = Runtime(settings)
    with runtime.session_factory.begin() as session:
        program = runtime.program(session, args.program)
        if any(value is not None for value in given):
            if any(value is None for value in given):
                raise InvalidInput("give --cost, --reps, --quota and --quota-period together; "
                                   "nothing was changed")
            try:
                set_break_even(session=session, program=program, event_cost=args.cost,
                               reps=args.reps, quota=args.quota, period=args.period)
            except InvalidField as refusal:
                raise in_options(refusal, BREAK_EVEN_OPTIONS) from None
        break_even = break_even_of(session=session, program_id=program.id)
        print(f"{program.name}: " + (break_even.text() if break_even else
                                     "no break-even inputs (give --cost, --reps, --quota and "
                                     "--quota-period)"))
    return 0
