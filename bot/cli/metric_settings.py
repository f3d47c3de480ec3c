"""`kickoff-bot metrics set PROGRAM METRIC [--on|--off] [--target X]` and
`kickoff-bot metrics add PROGRAM KEY --name NAME --unit UNIT ...`: enablement's metric settings."""

from __future__ import annotations

import argparse
from typing import Any

from bot.cli.runtime import Runtime
from bot.domain.metrics.definitions import Direction, Target, TargetKind, Weekly
from bot.errors import InvalidInput
from bot.services.metrics.settings import add_custom_metric, change_metric
from bot.settings import Settings

SETTINGS = ("set", "add")
WEEKLY = {"sum": Weekly.SUM, "mean": Weekly.MEAN, "day": Weekly.DAY_MEAN}


def add_setting_options(parser: Any) -> None:
    """The options of `metrics set` and `metrics add`."""
    switch = parser.add_mutually_exclusive_group()
    switch.add_argument("--on", dest="enabled", action="store_const", const=True,
                        help="set: track the metric")
    switch.add_argument("--off", dest="enabled", action="store_const", const=False,
                        help="set: stop tracking it (its values are kept)")
    parser.add_argument("--target", type=float, help="set, add: the target's value (1.2: +20%%)")
    parser.add_argument("--name", help="add: the metric's name")
    parser.add_argument("--unit", help="add: its unit, e.g. 'demos a week'")
    parser.add_argument("--lower", action="store_true", help="add: lower is better")
    parser.add_argument("--weekly", choices=sorted(WEEKLY), default="sum",
                        help="add: a week's value is the sum, the mean, or the mean per day")
    parser.add_argument("--target-kind", choices=[k.value for k in TargetKind],
                        default=TargetKind.RELATIVE.value, help="add: how the target is stated")
    parser.add_argument("--self-reported", action="store_true",
                        help="add: asked in the reps' weekly report")


def run_setting(words: list[str], args: argparse.Namespace, settings: Settings) -> int:
    """Change or add one metric of a program."""
    if len(words) != 3:
        raise InvalidInput(f"usage: kickoff-bot metrics {words[0]} PROGRAM METRIC ...")
    runtime = Runtime(settings)
    with runtime.session_factory.begin() as session:
        program = runtime.program(session, words[1])
        if words[0] == "set":
            metric = change_metric(session=session, program_id=program.id, key=words[2],
                                   enabled=args.enabled, target=args.target)
        else:
            if not args.name or not args.unit:
                raise InvalidInput("metrics add needs --name and --unit")
            kind = TargetKind(args.target_kind)
            if args.target is None and kind is not TargetKind.RELATIVE:
                raise InvalidInput(f"a {kind} target needs --target")
            metric = add_custom_metric(
                session=session, program_id=program.id, key=words[2], name=args.name,
                unit=args.unit, direction=Direction.LOWER if args.lower else Direction.HIGHER,
                weekly=WEEKLY[args.weekly], self_reported=args.self_reported,
                target=Target(kind, 1.2 if args.target is None else args.target))
    state = "tracked" if metric.enabled else "not tracked"
    print(f"{metric.key} of {program.name!r}: {state}, target {metric.target.text()}")
    return 0
