"""The gap survey before the kickoff (T-28 to T-14, the model's Phase 1) and again from day 28,
closing the day before the read-out; and their comparison for the read-out.

Both runs ask the same items of the program's reps, each at their own time in their working
window (the invitations are planned like any survey's). The minimum is the program's smallest
group: never below it.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.group_size import smallest_group
from bot.domain.local_time import at_local
from bot.domain.surveys.gap import GapChange, GapItem
from bot.domain.surveys.templates import (
    GAP_POST_OPENS,
    GAP_PRE_CLOSES,
    GAP_PRE_OPENS,
    GAP_TITLE,
)
from bot.errors import InvalidInput
from bot.services.actor import Actor
from bot.services.surveys.create import SurveyValues, create_survey
from bot.services.surveys.item_results import item_results_of
from db.models import Program, Survey, SurveyOutcome, SurveyTemplate

BEFORE, AFTER = "before the kickoff", "after the kickoff"


def gap_dates(program: Program) -> dict[str, tuple[date, date]]:
    """Each run's first and last day: T-28 to T-14, and day 28 to the eve of the read-out."""
    kickoff = program.kickoff_date
    return {
        BEFORE: (kickoff + GAP_PRE_OPENS, kickoff + GAP_PRE_CLOSES),
        AFTER: (kickoff + GAP_POST_OPENS, kickoff + timedelta(days=program.readout_day - 1)),
    }


def schedule_gap_surveys(
    *, session: Session, program: Program, results_channel: str, actor: Actor | None,
    now: datetime,
) -> list[Survey]:
    """Both runs of the gap survey (a run whose time is past is refused, not moved)."""
    surveys = []
    for when, (first, last) in gap_dates(program).items():
        opens = _local(program, first, program.work_start)
        closes = _local(program, last, program.work_end)
        if closes <= now or closes <= opens:
            raise InvalidInput(f"The gap survey {when} would close on {last:%a %d %b}, which "
                               "has passed or comes before it opens: schedule it by hand with "
                               "`survey create --template gap`.")
        surveys.append(create_survey(session=session, actor=actor, now=now, values=SurveyValues(
            program_id=program.id, title=f"{GAP_TITLE} ({when})", audience="reps",
            opens_at=opens if opens > now else None, closes_at=closes,
            results_channel=results_channel, minimum=smallest_group(program.smallest_group),
            template=SurveyTemplate.GAP)))
    return surveys


def gap_change(*, session: Session, program: Program, now: datetime) -> GapChange | None:
    """The comparison at `now`; None when the program has no gap survey at all."""
    runs = _runs(session, program)
    if not runs:
        return None
    missing = []
    results = {}
    for when in (BEFORE, AFTER):
        survey = runs.get(when)
        if survey is None or survey.closed_at is None or survey.closed_at > now:
            state = "not run" if survey is None else "not closed"
            missing.append(f"the gap survey {when} has {state}")
        elif survey.outcome is SurveyOutcome.BELOW_MINIMUM:
            missing.append(f"the gap survey {when} missed its minimum of {survey.minimum} "
                           "responses")
        else:
            results[when] = item_results_of(session=session, survey=survey)
    pre, post = results.get(BEFORE), results.get(AFTER)
    if missing or pre is None or post is None:
        return GapChange(items=[], missing=missing)
    items = [GapItem(prompt=a.question.prompt, pre=a.mean, post=b.mean, pre_count=a.count,
                     post_count=b.count)
             for a, b in zip(pre.items, post.items, strict=True)
             if a.mean is not None and b.mean is not None]
    return GapChange(items=items, missing=[])


def _runs(session: Session, program: Program) -> dict[str, Survey]:
    """The latest gap survey opening before the kickoff, and the latest opening after it."""
    kickoff = _local(program, program.kickoff_date, time(0, 0))
    surveys = session.scalars(select(Survey).where(
        Survey.program_id == program.id, Survey.template == SurveyTemplate.GAP,
    ).order_by(Survey.opens_at, Survey.id))
    return {(BEFORE if survey.opens_at < kickoff else AFTER): survey for survey in surveys}


def _local(program: Program, day: date, at: time) -> datetime:
    return at_local(day, at, program.timezone)
