"""When each person hears about a survey: working hours, days off, and the one reminder.

A survey's DMs reach people only in their working window, the one every DM the bot starts waits
for (bot/services/availability.py: the program's working hours in their own time zone, on the
program's working days, when they are not out of office): an evening opening reaches them the
next morning, someone away when they are back (if the survey is still open).

Who gets the reminder is decided once, a day before closing, from who has answered by then, and
never revisited: cancelling someone's reminder when they answer would write, at that moment, a
row about them, telling a reader of the database who answered when.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.services.availability import Absences, load_absences, reachable_from
from bot.services.surveys.audience import audience_members
from bot.services.surveys.batching import lock_survey
from db.models import Membership, Program, Survey, SurveyParticipation

REMINDER_LEAD = timedelta(days=1)


def invitation_due(
    survey: Survey, program: Program, member: Membership, absences: Absences
) -> datetime | None:
    """When the member's invitation goes out (None: not reachable before closing)."""
    window = reachable_from(program, member.person, absences, earliest=survey.opens_at,
                            latest=survey.closes_at)
    return window.due if window is not None else None


def reminder_due(
    survey: Survey, program: Program, member: Membership, absences: Absences
) -> datetime | None:
    """When the member's reminder goes out, from a day before closing (None: not reachable)."""
    window = reachable_from(program, member.person, absences,
                            earliest=survey.closes_at - REMINDER_LEAD, latest=survey.closes_at)
    return window.due if window is not None else None


def survey_absences(session: Session, survey: Survey, members: list[Membership]) -> Absences:
    """The absences of these members over the survey's days (a day's margin for time zones)."""
    return load_absences(
        session=session, person_ids=[m.person_id for m in members],
        first=(survey.opens_at - timedelta(days=1)).date(),
        last=(survey.closes_at + timedelta(days=1)).date(),
    )


def decide_reminders(*, session: Session, now: datetime) -> list[int]:
    """Fix, once, who gets each reminder whose time has come; returns the surveys decided."""
    candidates = session.scalars(select(Survey.id).where(
        Survey.closed_at.is_(None), Survey.reminder_audience.is_(None),
        Survey.closes_at > now, Survey.closes_at <= now + REMINDER_LEAD))
    decided = []
    for survey_id in list(candidates):
        survey = lock_survey(session, survey_id)
        if survey is None or survey.reminder_audience is not None:
            continue  # another process decided it first
        survey.reminder_audience = _not_answered(session, survey)
        decided.append(survey_id)
    return decided


def _not_answered(session: Session, survey: Survey) -> list[int]:
    """Members who had not answered and had had their invitation before the reminder time."""
    remind_at = survey.closes_at - REMINDER_LEAD
    if remind_at <= survey.opens_at:
        return []  # a survey shorter than a day has no reminder
    program = session.get(Program, survey.program_id)
    assert program is not None
    answered = set(session.scalars(select(SurveyParticipation.person_id).where(
        SurveyParticipation.survey_id == survey.id)))
    members = audience_members(session=session, program_id=survey.program_id,
                               audience=survey.audience)
    absences = survey_absences(session, survey, members)
    return sorted(
        m.person_id for m in members
        if m.person_id not in answered
        and (invited := invitation_due(survey, program, m, absences)) is not None
        and invited < remind_at
    )
