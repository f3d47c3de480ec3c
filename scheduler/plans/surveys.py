"""Survey invitations and the one reminder, each in its recipient's working hours; and, before
planning, the survey events that happen at a time: deciding the reminder, closing.

Nothing here depends on who has answered, except the reminder audience, fixed once at reminder
time: so answering never changes, cancels or adds an outbox row.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.blocks.survey_messages import build_invitation_message, build_reminder_message
from bot.domain.kinds import DeliveryKind
from bot.services.outbox import Envelope, delivery_key
from bot.services.surveys.audience import audience_members
from bot.services.surveys.close import close_due_surveys, due_for_closing
from bot.services.surveys.schedule import (
    decide_reminders,
    invitation_due,
    reminder_due,
    survey_absences,
)
from bot.services.surveys.sealing import holding_key
from bot.settings import Settings, SettingsError
from db.models import Membership, Program, ProgramStatus, Survey

log = logging.getLogger(__name__)


class SurveyPlanner:
    """Plans survey DMs; `advance` decides reminders and closes surveys when their time comes."""

    kinds = frozenset({DeliveryKind.SURVEY_INVITE, DeliveryKind.SURVEY_REMINDER})

    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    def advance(self, *, session: Session, now: datetime) -> None:
        """Decide the reminders due by `now`, then close the surveys due by `now` (the key that
        opens held answers is derived only then: planning alone needs no secret)."""
        decide_reminders(session=session, now=now)
        if not due_for_closing(session=session, now=now):
            return
        try:
            key = holding_key(self._settings.signing_secret())
        except SettingsError as missing:  # the other planners must go on
            log.error(
                "surveys due for closing stay open until this process has the key: %s", missing
            )
            return
        close_due_surveys(session=session, now=now, key=key)

    def plan(self, *, session: Session, start: datetime, end: datetime) -> Iterator[Envelope]:
        """Invitations and reminders of open surveys of active programs, due in [start, end)."""
        query = (
            select(Survey, Program)
            .join(Program, Program.id == Survey.program_id)
            .where(
                Survey.closed_at.is_(None),
                Program.status == ProgramStatus.ACTIVE,
                Survey.opens_at < end,
                Survey.closes_at > start,
            )
            .order_by(Survey.id)
        )
        for survey, program in session.execute(query):
            yield from _survey_envelopes(session, survey, program, start=start, end=end)


def _survey_envelopes(
    session: Session, survey: Survey, program: Program, *, start: datetime, end: datetime
) -> Iterator[Envelope]:
    members = audience_members(session=session, program_id=program.id, audience=survey.audience)
    absences = survey_absences(session, survey, members)
    reminded = set(survey.reminder_audience or ())
    for member in members:
        tz = member.person.timezone  # the closing time is said in each member's own
        due = invitation_due(survey, program, member, absences)
        if due is not None and start <= due < end:
            invitation = build_invitation_message(survey, program, tz)
            yield _envelope(DeliveryKind.SURVEY_INVITE, survey, member, due, invitation)
        due = (
            reminder_due(survey, program, member, absences)
            if member.person_id in reminded
            else None
        )
        if due is not None and start <= due < end:
            reminder = build_reminder_message(survey, tz)
            yield _envelope(DeliveryKind.SURVEY_REMINDER, survey, member, due, reminder)


def _envelope(
    kind: str,
    survey: Survey,
    member: Membership,
    due: datetime,
    message: tuple[str, list[dict[str, object]]],
) -> Envelope:
    text, blocks = message
    return Envelope(
        key=delivery_key(kind, survey.program_id, member.person_id, f"s{survey.id}"),
        kind=kind,
        workspace_id=survey.workspace_id,
        program_id=survey.program_id,
        person_id=member.person_id,
        channel=member.person.slack_user_id,
        text=text,
        blocks=blocks,
        due_at=due,
        window_end=survey.closes_at,
    )
