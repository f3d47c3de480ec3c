"""Closing a survey (at its time, or early): all answers at once, then results or nothing.

At closing every held answer reaches the answers table, together with a rewrite of every "has
answered" record, in one shuffled transaction; below the minimum the answers are deleted unread.
The results (or the notice that the minimum was not met) go to the results channel through the
outbox.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.blocks.survey_item_results import build_item_results_messages
from bot.blocks.survey_results import (
    Message,
    build_below_minimum_message,
    build_results_messages,
)
from bot.blocks.text import escape
from bot.domain.kinds import DeliveryKind
from bot.errors import InvalidInput, NotFound
from bot.services.actor import Actor
from bot.services.outbox import Envelope, delivery_key, queue
from bot.services.surveys.audience import audience_members
from bot.services.surveys.batching import (
    discard_answers,
    lock_survey,
    publish_answers,
)
from bot.services.surveys.item_results import columns_of, summarize_items
from bot.services.surveys.policy import ensure_may_manage
from bot.services.surveys.questions import questions_of
from bot.services.surveys.results import summarize
from db.models import (
    Program,
    Survey,
    SurveyOutcome,
    SurveyParticipation,
    SurveyPendingAnswer,
    SurveyTemplate,
)

RESULTS_WINDOW = timedelta(days=3)


def close_survey(*, session: Session, survey_id: int, now: datetime, key: bytes) -> Survey:
    """Close the survey now: rewrite or delete its answers, and queue what the channel sees."""
    survey = lock_survey(session, survey_id)
    if survey is None:
        raise NotFound("This survey no longer exists.")
    if survey.closed_at is not None:
        raise InvalidInput(f"{escape(survey.title)} is already closed.")
    survey.audience_size = _audience_size(session, survey)
    survey.closed_at = now
    program = session.get(Program, survey.program_id)
    assert program is not None
    enough = _held(session, survey) >= survey.minimum
    messages = _publish(session, survey, program, key) if enough else None
    survey.outcome = SurveyOutcome.PUBLISHED if messages else SurveyOutcome.BELOW_MINIMUM
    if messages is None:
        discard_answers(session, survey.id)
        messages = [build_below_minimum_message(survey, program)]
    queue(session, [
        Envelope(key=delivery_key(DeliveryKind.SURVEY_RESULTS, survey.program_id,
                                  survey.results_channel, f"s{survey.id}.{part}"),
                 kind=DeliveryKind.SURVEY_RESULTS, workspace_id=survey.workspace_id,
                 program_id=survey.program_id,
                 person_id=None, channel=survey.results_channel, text=text, blocks=blocks,
                 due_at=now, window_end=now + RESULTS_WINDOW)
        for part, (text, blocks) in enumerate(messages, start=1)
    ], now=now)
    session.flush()
    return survey


def _publish(
    session: Session, survey: Survey, program: Program, key: bytes
) -> list[Message] | None:
    """Write the held answers, one row per answer per question, and build the results (the
    eNPS template's as it always looked); None when fewer answers than the minimum could be
    opened."""
    questions = questions_of(session, survey)
    responses = publish_answers(session, survey, key)
    columns = columns_of(responses, len(questions))
    audience_size = survey.audience_size or 0
    if survey.template is SurveyTemplate.ENPS:
        results = summarize(columns, audience_size=audience_size, minimum=survey.minimum)
        return build_results_messages(survey, program, results) if results else None
    items = summarize_items(questions, columns, responses=len(responses),
                            audience_size=audience_size, minimum=survey.minimum)
    return build_item_results_messages(survey, program, items) if items else None


def close_early(
    *, session: Session, survey_id: int, actor: Actor, now: datetime, key: bytes,
) -> Survey:
    """Close a survey before its time, for enablement of its program or an admin."""
    survey = session.get(Survey, survey_id)
    program = session.get(Program, survey.program_id) if survey is not None else None
    if program is None:
        raise NotFound("This survey no longer exists.")
    ensure_may_manage(session=session, program=program, actor=actor)
    return close_survey(session=session, survey_id=survey_id, now=now, key=key)


def due_for_closing(*, session: Session, now: datetime) -> list[int]:
    """Ids of the surveys still open whose closing time has come."""
    return list(session.scalars(select(Survey.id).where(
        Survey.closed_at.is_(None), Survey.closes_at <= now).order_by(Survey.id)))


def close_due_surveys(*, session: Session, now: datetime, key: bytes) -> list[int]:
    """Close every survey whose closing time has come; returns their ids."""
    closed = []
    for survey_id in due_for_closing(session=session, now=now):
        survey = lock_survey(session, survey_id)
        if survey is not None and survey.closed_at is None:  # another process was not faster
            close_survey(session=session, survey_id=survey_id, now=now, key=key)
            closed.append(survey_id)
    return closed


def answered_count(session: Session, survey_id: int) -> int:
    """How many people have answered (a count: never who)."""
    query = select(func.count()).select_from(SurveyParticipation).where(
        SurveyParticipation.survey_id == survey_id)
    return int(session.scalar(query) or 0)


def _held(session: Session, survey: Survey) -> int:
    return int(session.scalar(select(func.count()).select_from(SurveyPendingAnswer).where(
        SurveyPendingAnswer.survey_id == survey.id)) or 0)


def _audience_size(session: Session, survey: Survey) -> int:
    members = audience_members(session=session, program_id=survey.program_id,
                               audience=survey.audience)
    answered = set(session.scalars(select(SurveyParticipation.person_id).where(
        SurveyParticipation.survey_id == survey.id)))
    return len({member.person_id for member in members} | answered)
