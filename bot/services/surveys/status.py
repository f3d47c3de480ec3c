"""What enablement sees of its surveys while they run: state and a count, never who."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bot.domain.surveys.overview import SurveyOverview
from bot.errors import NotAllowed
from bot.services.actor import Actor
from bot.services.surveys.audience import audience_members
from bot.services.surveys.close import answered_count
from bot.services.surveys.policy import NOT_ALLOWED, manageable_programs
from db.models import Survey

RECENTLY_CLOSED = timedelta(days=14)


def survey_overviews(
    *, session: Session, workspace_id: int, actor: Actor, now: datetime,
) -> list[SurveyOverview]:
    """Surveys of the programs the actor runs surveys for: open, planned, recently closed."""
    programs = {p.id: p for p in manageable_programs(
        session=session, workspace_id=workspace_id, actor=actor)}
    if not programs:
        raise NotAllowed(NOT_ALLOWED)
    query = select(Survey).where(
        Survey.program_id.in_(list(programs)),
        or_(Survey.closed_at.is_(None), Survey.closed_at >= now - RECENTLY_CLOSED),
    ).order_by(Survey.closes_at, Survey.id)
    return [_overview(session, survey, programs[survey.program_id].name, now)
            for survey in session.scalars(query)]


def _overview(session: Session, survey: Survey, program_name: str, now: datetime) -> SurveyOverview:
    members = audience_members(session=session, program_id=survey.program_id,
                               audience=survey.audience)
    return SurveyOverview(
        survey=survey, program_name=program_name, answered=answered_count(session, survey.id),
        audience_size=survey.audience_size or len(members),
        is_open=survey.closed_at is None and survey.opens_at <= now,
    )
