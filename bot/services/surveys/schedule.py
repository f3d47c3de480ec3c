"""When each person hears about a survey: working hours, days off, and the one reminder.

A survey's DMs reach people only between 09:00 and 17:00 in their own time zone, on the
program's working days, when they are not out of office: an evening opening reaches them the
next morning, someone away when they are back (if the survey is still open).

Who gets the reminder is decided once, a day before closing, from who has answered by then, and
never revisited: cancelling someone's reminder when they answer would write, at that moment, a
row about them, telling a reader of the database who answered when.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.local_time import at_local, days_between, local_date
from bot.services.availability import Absences, load_absences, unavailable
from bot.services.surveys.audience import audience_members
from bot.services.surveys.batching import lock_survey
from db.models import Membership, Program, Survey, SurveyParticipation

WORK_START = time(9, 0)
WORK_END = time(17, 0)
REMINDER_LEAD = timedelta(days=1)


def reachable_from(
    program: Program, member: Membership, absences: Absences, *, earliest: datetime,
    latest: datetime,
) -> datetime | None:
    """The first instant in [earliest, latest) within the member's working hours, or None."""
    tz = member.person.timezone
    for day in days_between(local_date(earliest, tz), local_date(latest, tz)):
        if unavailable(program, member.person_id, day, absences) is not None:
            continue
        moment = max(earliest, at_local(day, WORK_START, tz))
        if moment < at_local(day, WORK_END, tz) and moment < latest:
            return moment
    return None


def invitation_due(
    survey: Survey, program: Program, member: Membership, absences: Absences
) -> datetime | None:
    """When the member's invitation goes out (None: not reachable before closing)."""
    return reachable_from(program, member, absences, earliest=survey.opens_at,
                          latest=survey.closes_at)


def reminder_due(
    survey: Survey, program: Program, member: Membership, absences: Absences
) -> datetime | None:
    """When the member's reminder goes out, from a day before closing (None: not reachable)."""
    return reachable_from(program, member, absences, earliest=survey.closes_at - REMINDER_LEAD,
                          latest=survey.closes_at)


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
