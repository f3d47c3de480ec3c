"""`kickoff-bot metrics PROGRAM [--week W] [--json|--csv|--by-tier]` and
`kickoff-bot metrics import PROGRAM FILE.csv`: behaviour figures against the baseline, and
values loaded from a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from bot.blocks.metrics_lines import (
    has_data,
    metric_lines,
    metric_title,
    week_name,
    without_data_line,
)
from bot.cli.failures import read_bytes
from bot.cli.metric_settings import SETTINGS, add_setting_options, run_setting
from bot.cli.metric_tiers import tier_text
from bot.cli.operator import SHELL_OPERATOR
from bot.cli.runtime import Runtime
from bot.domain.export import csv_bytes, json_text
from bot.domain.metrics.figures import EXPORT_COLUMNS, MetricFigures, export_rows
from bot.domain.metrics.periods import latest_ended, metric_weeks
from bot.errors import InvalidInput
from bot.services.metrics.csv_import import import_metrics_csv
from bot.services.metrics.figures import behaviour_figures
from bot.services.program_weeks import calendar_of
from bot.services.tiers.lift import lift_by_tier
from bot.settings import Settings
from db.models import Program

FILE_FORMAT = """\
The file is UTF-8 CSV (a BOM is fine), separated by commas or semicolons; the first line
is the header. Columns:
  email, slack_id  whose value it is: either column, or both (a member of the program)
  metric           a metric key of the program (kickoff-bot metrics PROGRAM lists them)
  period           a date (2027-03-15) or an ISO week (2027-W11)
  value            a number, not negative (a decimal comma is fine)
If any row is bad, nothing is stored and every bad row is listed as "line N: why".
Importing the same file again changes nothing; a changed value is updated in place.

Settings (enablement, from the shell or the App Home):
  kickoff-bot metrics set PROGRAM METRIC [--on | --off] [--target X]
  kickoff-bot metrics add PROGRAM KEY --name NAME --unit UNIT [--lower] [--weekly sum|mean|day]
      [--target-kind relative|absolute|points] [--target X] [--self-reported]
"""


def add_parser(subparsers: Any) -> None:
    """Register `metrics` (figures) and `metrics import`."""
    parser = subparsers.add_parser(
        "metrics", help="behaviour metrics against the pre-kickoff baseline; import values",
        description="kickoff-bot metrics PROGRAM [--week W] [--json|--csv] prints each "
        "metric's baseline, week, lift, target and coverage, overall and per manager's team "
        "(teams below the smallest group folded). kickoff-bot metrics import PROGRAM FILE.csv "
        "stores values from a file, all rows or none.",
        epilog=FILE_FORMAT, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("words", nargs="+", metavar="PROGRAM | import PROGRAM FILE.csv | "
                        "set PROGRAM METRIC | add PROGRAM KEY")
    parser.add_argument("--week", type=int, help="program week (1, 2, ...; -4 to -1: baseline "
                        "weeks; default: the latest week ended)")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the figures as JSON")
    output.add_argument("--csv", action="store_true", help="print the figures as CSV")
    output.add_argument("--by-tier", action="store_true",
                        help="each metric's lift per hidden tier (shell only; shown where every "
                        "tier has the smallest group)")
    add_setting_options(parser)
    parser.set_defaults(run=run_metrics)


def run_metrics(args: argparse.Namespace, settings: Settings) -> int:
    """Import a file, or print a week's figures."""
    words: list[str] = args.words
    if words[0] == "import":
        if len(words) != 3:
            raise InvalidInput("usage: kickoff-bot metrics import PROGRAM FILE.csv")
        return run_import(words[1], Path(words[2]), settings)
    if words[0] in SETTINGS:
        return run_setting(words, args, settings)
    if len(words) != 1:
        raise InvalidInput("usage: kickoff-bot metrics PROGRAM [--week W] [--json|--csv]")
    runtime = Runtime(settings)
    with runtime.session_factory() as session:
        program = runtime.program(session, words[0])
        week = _week(program, args.week, runtime)
        if args.by_tier:
            print("\n".join(tier_text(program, week, lift_by_tier(
                session=session, program=program, actor=SHELL_OPERATOR, week=week,
                today=runtime.today()))))
            return 0
        figures = behaviour_figures(session=session, program=program, week=week,
                                    today=runtime.today())
    if args.json:
        print(json_text([dict(zip(EXPORT_COLUMNS, row, strict=True))
                         for row in export_rows(figures)]))
    elif args.csv:
        sys.stdout.write(csv_bytes(EXPORT_COLUMNS, export_rows(figures)).decode())
    else:
        print("\n".join(figures_text(program, week, figures)))
    return 0


def run_import(ref: str, path: Path, settings: Settings) -> int:
    """Store the file's values, all or none, and print the counts."""
    content = read_bytes(path)
    runtime = Runtime(settings)
    with runtime.session_factory.begin() as session:
        program = runtime.program(session, ref)
        report = import_metrics_csv(session=session, program=program, content=content,
                                    now=runtime.clock.now())
    print(f"metrics of {program.name!r} imported: {report}")
    return 0


def _week(program: Program, asked: int | None, runtime: Runtime) -> int:
    weeks = metric_weeks(calendar_of(program), kickoff_date=program.kickoff_date)
    if asked is None:
        return latest_ended(weeks, runtime.today()).number
    if asked not in {week.number for week in weeks}:
        numbers = ", ".join(str(week.number) for week in weeks)
        raise InvalidInput(f"{program.name!r} has no week {asked} (its weeks: {numbers})")
    return asked


def figures_text(program: Program, week: int, figures: tuple[MetricFigures, ...]) -> list[str]:
    """The figures as plain lines for a terminal."""
    def same(text: str) -> str:
        """A terminal shows text as it is: nothing to escape."""
        return text

    lines = [f"Behaviour metrics of {program.name}, {week_name(week)} against the baseline "
             "(the 4 weeks before the kickoff)"]
    for item in filter(has_data, figures):
        lines += ["", metric_title(item), *(f"  {line}" for line in metric_lines(item, same))]
    return [*lines, "", *without_data_line(figures, same)]
