"""The surveys waiting for the viewer's answer, in any of their programs."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.services.surveys.audience import AUDIENCE_ROLES
from db.models import Membership, Survey, SurveyParticipation


def surveys_to_answer(
    *, session: Session, memberships: list[Membership], now: datetime
) -> list[Survey]:
    """Surveys open now that ask the viewer (by their roles) and that they have not answered."""
    if not memberships:
        return []
    roles = {m.program_id: m.roles for m in memberships}
    answered = select(SurveyParticipation.survey_id).where(
        SurveyParticipation.person_id == memberships[0].person_id)
    query = select(Survey).where(
        Survey.program_id.in_(list(roles)), Survey.closed_at.is_(None),
        Survey.opens_at <= now, Survey.closes_at > now, Survey.id.not_in(answered),
    ).order_by(Survey.closes_at, Survey.id)
    return [survey for survey in session.scalars(query)
            if AUDIENCE_ROLES[survey.audience] in (None, *roles[survey.program_id])]
