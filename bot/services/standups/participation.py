"""Standup participation per program, day, team and manager: expected, answered, late,
excused, missed (and pending while a rep's day is still open).

A rep-day counts as expected for an active rep, and for an inactive one only if they were
prompted or answered (a rep deactivated mid-week is not expected on later days). It is missed
only if the prompt reached the rep and the day closed without an answer; a day the bot never
prompted (down, program paused, prompt expired or cancelled) is excused, as are out-of-office
days and "out today".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.kinds import DeliveryKind
from bot.domain.standups.days import StandupDay
from bot.domain.standups.participation import Participation, RepDay, Status
from bot.services.availability import Absences, load_absences
from bot.services.standups.keys import prompt_key
from bot.services.standups.reps import AnswerFacts, Rep, answers_of, reps_of
from bot.services.standups.schedule import closes_at, opens_at, standup_days
from db.models import Change, Delivery, DeliveryStatus, Program


def participation(
    *, session: Session, program: Program, now: datetime, number: int | None = None,
    started_only: bool = False,
) -> Participation:
    """Every rep-day of `program` (or of Day `number` only) as it stands at `now`; with
    `started_only`, only the days begun before `now` in each rep's own time zone."""
    days = [d for d in standup_days(program) if number is None or d.number == number]
    reps = reps_of(session=session, program_id=program.id, active_only=False)
    if not days or not reps:
        return Participation(rows=[])
    answers = {
        key: answer
        for key, answer in answers_of(session=session, program_id=program.id, number=number).items()
        if answer.answered_at <= now
    }  # as things stood at `now`
    prompts = _prompt_statuses(session, program.id, number)
    absences = load_absences(
        session=session,
        person_ids=[r.person_id for r in reps],
        first=days[0].date,
        last=days[-1].date,
    )
    # A day's bounds depend only on the time zone: worked out once per zone, not per rep.
    bounds = cache(lambda day, tz: (opens_at(day, tz), closes_at(day, tz)))
    rows = [
        row
        for rep in reps
        for day in days
        if not (started_only and now <= bounds(day, rep.timezone)[0])
        and (
            row := _rep_day(
                program.id, rep, day, answers, prompts, absences,
                open_day=now < bounds(day, rep.timezone)[1],
            )
        )
        is not None
    ]
    return Participation(rows=rows)


def _rep_day(
    program_id: int,
    rep: Rep,
    day: StandupDay,
    answers: dict[tuple[int, int], AnswerFacts],
    prompts: dict[str, DeliveryStatus],
    absences: Absences,
    *,
    open_day: bool,
) -> RepDay | None:
    answer = answers.get((rep.person_id, day.number))
    outcome = day_outcome(
        answer=answer,
        prompt=prompts.get(prompt_key(program_id, rep.slack_user_id, day.number)),
        away=absences.is_away(rep.person_id, day.date),
        active=rep.active,
        open_day=open_day,
    )
    if outcome is None:
        return None
    return RepDay(
        person_id=rep.person_id,
        name=rep.name,
        team=rep.team,
        manager_id=rep.manager_id,
        manager_name=rep.manager_name,
        number=day.number,
        status=outcome.status,
        late=outcome.late,
        reason=outcome.reason,
        follow=outcome.follow,
    )


@dataclass(frozen=True)
class Outcome:
    """How one rep-day counts: its status, whether it was answered late, and why excused."""

    status: Status
    late: bool
    reason: str | None
    follow: Change | None = None  # answered: was the previous answered day's activity done?


def day_outcome(
    *, answer: AnswerFacts | None, prompt: DeliveryStatus | None, away: bool, active: bool,
    open_day: bool,
) -> Outcome | None:
    """How a rep-day counts from its facts; None when it is not expected (an inactive rep who
    was neither prompted nor answered)."""
    if not active and answer is None and prompt != DeliveryStatus.SENT:
        return None
    status, reason = _status(answer, prompt, away, open_day=open_day)
    answered = answer if status is Status.ANSWERED else None
    return Outcome(status, bool(answered and answered.late), reason,
                   answered.follow if answered else None)


def _status(
    answer: AnswerFacts | None, prompt: DeliveryStatus | None, away: bool, *, open_day: bool
) -> tuple[Status, str | None]:
    if answer is not None:
        return (Status.EXCUSED, "out today") if answer.out_today else (Status.ANSWERED, None)
    if away:
        return Status.EXCUSED, "out of office"
    if prompt is DeliveryStatus.EXPIRED:
        return Status.EXCUSED, "prompt expired"
    if prompt in (DeliveryStatus.CANCELLED, DeliveryStatus.FAILED):
        return Status.EXCUSED, "not prompted"
    if open_day:
        return Status.PENDING, None
    if prompt is DeliveryStatus.SENT:
        return Status.MISSED, None
    return Status.EXCUSED, "not prompted"


def _prompt_statuses(
    session: Session, program_id: int, number: int | None
) -> dict[str, DeliveryStatus]:
    """The status of each prompt of the program (of Day `number` only, if given), by key."""
    query = select(Delivery.key, Delivery.status).where(
        Delivery.program_id == program_id, Delivery.kind == DeliveryKind.STANDUP_PROMPT
    )
    if number is not None:
        query = query.where(Delivery.key.like(prompt_key(program_id, "%", number)))
    return {key: DeliveryStatus(status) for key, status in session.connection().execute(query)}
