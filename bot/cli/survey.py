"""`kickoff-bot survey create|gap|list|results`: anonymous surveys from the shell."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.cli.channels import channel_id
from bot.cli.failures import in_options, read_text
from bot.cli.runtime import Runtime
from bot.cli.survey_report import report_data, report_lines
from bot.cli.times import ZONE_HELP, read_time, shown
from bot.domain.export import json_text
from bot.domain.surveys.form import DEFAULT_MINIMUM, DEFAULT_QUESTION
from bot.domain.surveys.question_file import read_questions
from bot.domain.surveys.questions import Question
from bot.errors import InvalidField, InvalidInput, NotFound
from bot.services.surveys.close import close_survey
from bot.services.surveys.create import SurveyValues, create_survey
from bot.services.surveys.gap import schedule_gap_surveys
from bot.services.surveys.sealing import holding_key
from bot.settings import Settings
from bot.slack.channels import ensure_postable
from db.models import Program, Survey, SurveyAudience, SurveyOutcome, SurveyTemplate

# A field the survey service names -> the option typed for it.
OPTIONS = {"title": "--title", "audience": "--audience", "opens": "--opens", "closes": "--closes",
           "channel": "--results-channel", "minimum": "--minimum", "question": "--question",
           "program": "--program"}


def add_parser(subparsers: Any) -> None:
    """Register `survey` and its actions."""
    parser = subparsers.add_parser("survey", help="anonymous eNPS surveys")
    actions = parser.add_subparsers(dest="survey_command", required=True, metavar="ACTION")
    create = actions.add_parser("create", help="create a survey (times in the program's zone)",
                                description="Times are read in the program's time zone unless "
                                "they carry an offset, and shown with their zone.")
    create.add_argument("--program", required=True, help="program name or id")
    create.add_argument("--title", required=True, help="survey title (up to 80 characters)")
    create.add_argument("--audience", required=True, choices=[a.value for a in SurveyAudience])
    create.add_argument("--closes", required=True, metavar="WHEN",
                        help=f"closing time, YYYY-MM-DDTHH:MM {ZONE_HELP}; inside the "
                             "program's working hours")
    create.add_argument("--opens", metavar="WHEN",
                        help=f"opening time, YYYY-MM-DDTHH:MM {ZONE_HELP}, inside the "
                             "program's working hours (default: now)")
    create.add_argument("--results-channel", required=True, type=channel_id,
                        help="channel id for the results (C...)")
    create.add_argument("--minimum", default=str(DEFAULT_MINIMUM),
                        help=f"responses needed before anything is shown (default "
                             f"{DEFAULT_MINIMUM}, at least 3, at most the audience's size)")
    create.add_argument("--question", default=DEFAULT_QUESTION,
                        help="the 0-10 question of the eNPS template")
    create.add_argument("--template", default=SurveyTemplate.ENPS.value,
                        choices=[SurveyTemplate.ENPS.value, SurveyTemplate.GAP.value],
                        help="eNPS (one 0-10 question, three free texts; the default) or the "
                             "gap survey (five 1-5 items, one free text)")
    create.add_argument("--questions", metavar="FILE", type=Path,
                        help="your own questions in YAML instead of a template: under "
                             "`questions:`, items with `kind` (0-10, 1-5 or text), `question`, "
                             "and for 1-5 `low` and `high` (what 1 and 5 mean)")
    create.set_defaults(run=run_create)
    gap = actions.add_parser("gap", help="schedule the gap survey at T-28 and again from day 28",
                             description="The gap survey (five 1-5 items, one free text) runs "
                             "from T-28 to T-14 and again from day 28 to the eve of the "
                             "read-out, which compares them; minimum: the program's smallest "
                             "group.")
    gap.add_argument("--program", required=True, help="program name or id")
    gap.add_argument("--results-channel", required=True, help="channel id for the results")
    gap.set_defaults(run=run_gap)
    listing = actions.add_parser("list", help="every survey, newest first")
    listing.set_defaults(run=run_list)
    results = actions.add_parser("results", help="a survey's results, under the same rules as "
                                                 "in Slack: nothing below the minimum")
    results.add_argument("survey_id", metavar="ID", type=int, help="survey id (see `list`)")
    results.add_argument("--json", action="store_true",
                         help="print the results as JSON, question by question")
    results.set_defaults(run=run_results)
    close = actions.add_parser("close", help="close a survey now, before its closing time")
    close.add_argument("survey_id", metavar="ID", type=int, help="survey id (see `list`)")
    close.add_argument("--yes", action="store_true",
                       help="confirm: closing cannot be undone; below the minimum the answers "
                            "are deleted unread")
    close.set_defaults(run=run_close)


def run_create(args: argparse.Namespace, settings: Settings) -> int:
    """Create a survey and say when it opens and closes."""
    runtime = Runtime(settings)
    with runtime.session_factory.begin() as session:
        program = runtime.program(session, args.program)
        ensure_postable(runtime.client, [args.results_channel], then="run the command again")
        values = SurveyValues(
            program_id=program.id, title=args.title, audience=args.audience,
            opens_at=_instant(args.opens, program, "--opens"),
            closes_at=_instant(args.closes, program, "--closes"),
            results_channel=args.results_channel, minimum=args.minimum, question=args.question,
            template=SurveyTemplate.CUSTOM if args.questions else args.template,
            questions=_questions(args.questions),
        )
        try:
            survey = create_survey(session=session, values=values, actor=None,
                                   now=runtime.clock.now())
        except InvalidField as refusal:
            raise in_options(refusal, OPTIONS) from None
        print(f"created survey {survey.id} {survey.title!r} for {program.name}: "
              f"{_local(survey.opens_at, program)} to {_local(survey.closes_at, program)}, "
              f"minimum {survey.minimum}")
    return 0


def run_gap(args: argparse.Namespace, settings: Settings) -> int:
    """Schedule both runs of the gap survey and say when each opens and closes."""
    runtime = Runtime(settings)
    with runtime.session_factory.begin() as session:
        program = runtime.program(session, args.program)
        for survey in schedule_gap_surveys(session=session, program=program, actor=None,
                                           results_channel=args.results_channel,
                                           now=runtime.clock.now()):
            print(f"created survey {survey.id} {survey.title!r} for {program.name}: "
                  f"{_local(survey.opens_at, program)} to {_local(survey.closes_at, program)}, "
                  f"minimum {survey.minimum}")
    return 0


def run_list(args: argparse.Namespace, settings: Settings) -> int:
    """Print every survey of the workspace, one line each."""
    runtime = Runtime(settings)
    with runtime.session_factory() as session:
        workspace = runtime.workspace(session)
        rows = session.execute(
            select(Survey, Program).join(Program, Program.id == Survey.program_id)
            .where(Survey.workspace_id == workspace.id).order_by(Survey.id.desc())
        ).all()
        for survey, program in rows:
            state = survey.outcome or ("open" if survey.opens_at <= runtime.clock.now()
                                       else "planned")
            print(f"{survey.id:>4}  {survey.title:<30} {program.name:<24} {state:<13} "
                  f"closes {_local(survey.closes_at, program)}")
    if not rows:
        print("no surveys yet (create one with `kickoff-bot survey create` or `/kickoff survey`)")
    return 0


def run_results(args: argparse.Namespace, settings: Settings) -> int:
    """Print a survey's results (closing it first if its time has come), or why there are none."""
    runtime = Runtime(settings)
    now = runtime.clock.now()
    with runtime.session_factory.begin() as session:
        survey = _survey(session, runtime, args.survey_id)
        if survey.closed_at is None and survey.closes_at <= now:
            close_survey(session=session, survey_id=survey.id, now=now,
                         key=holding_key(settings.signing_secret()))
        program = session.get(Program, survey.program_id)
        assert program is not None
        if args.json:
            print(json_text(report_data(session, survey, program)))
        else:
            print("\n".join(report_lines(session, survey, program)))
    return 0


def run_close(args: argparse.Namespace, settings: Settings) -> int:
    """Close a survey now: its results (or the notice that too few answered) are queued."""
    if not args.yes:
        raise InvalidInput("closing a survey cannot be undone: nobody can answer after it, and "
                           "below the minimum the answers are deleted unread. Run it again with "
                           "--yes to go ahead; nothing was changed")
    runtime = Runtime(settings)
    with runtime.session_factory.begin() as session:
        survey = _survey(session, runtime, args.survey_id)
        close_survey(session=session, survey_id=survey.id, now=runtime.clock.now(),
                     key=holding_key(settings.signing_secret()))
        if survey.outcome is SurveyOutcome.PUBLISHED:
            print(f"survey {survey.id} {survey.title!r} closed: the results are queued for "
                  f"{survey.results_channel}")
        else:
            print(f"survey {survey.id} {survey.title!r} closed with fewer answers than its "
                  f"minimum ({survey.minimum}): nothing is shown, the answers were deleted unread")
    return 0


def _survey(session: Session, runtime: Runtime, survey_id: int) -> Survey:
    survey = session.get(Survey, survey_id)
    if survey is None or survey.workspace_id != runtime.workspace(session).id:
        raise NotFound(f"No survey {survey_id} (see `kickoff-bot survey list`).")
    return survey


def _questions(path: Path | None) -> tuple[Question, ...]:
    if path is None:
        return ()
    text = read_text(path, "--questions")
    try:
        return read_questions(text)
    except InvalidInput as refusal:
        raise InvalidInput(f"{path}: {refusal}") from None


def _instant(value: str | None, program: Program, option: str) -> datetime | None:
    return None if value is None else read_time(value, option=option, tz=program.timezone)


def _local(instant: datetime, program: Program) -> str:
    return shown(instant, program.timezone)
