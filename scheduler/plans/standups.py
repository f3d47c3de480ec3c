"""The standup planner: each rep's prompt at the standup time and reminder at the reminder
time, in the rep's own time zone, on the program's standup days.

Nothing is planned for reps who are inactive, out of office, or have already answered (or
said they are out today), nor for programs that are not active; planning cancels what it no
longer returns.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from sqlalchemy.orm import Session

from bot.blocks.standup import build_standup_prompt, standup_prompt_fallback
from bot.blocks.standup_refs import DayRef
from bot.domain.kinds import DeliveryKind
from bot.domain.standups.days import StandupDay
from bot.services.availability import load_absences, unavailable
from bot.services.outbox import Envelope
from bot.services.plans.carried import goals_of
from bot.services.standups.keys import prompt_key, reminder_key
from bot.services.standups.reps import Rep, active_programs, answers_of, reps_of
from bot.services.standups.schedule import closes_at, prompt_at, reminder_at, standup_days
from db.models import Program


class StandupPlanner:
    """Plans `standup_prompt` and `standup_reminder` DMs."""

    kinds = frozenset({DeliveryKind.STANDUP_PROMPT.value, DeliveryKind.STANDUP_REMINDER.value})

    def plan(self, *, session: Session, start: datetime, end: datetime) -> Iterator[Envelope]:
        """Every prompt and reminder due in [start, end)."""
        for program in active_programs(session=session):
            yield from _program_plan(session, program, start, end)


def _program_plan(
    session: Session, program: Program, start: datetime, end: datetime
) -> Iterator[Envelope]:
    days = standup_days(program)
    reps = reps_of(session=session, program_id=program.id, active_only=True)
    if not days or not reps:
        return
    absences = load_absences(
        session=session,
        person_ids=[r.person_id for r in reps],
        first=days[0].date,
        last=days[-1].date,
    )
    answered = answers_of(session=session, program_id=program.id).keys()
    goals = goals_of(session=session, program_id=program.id)
    for rep in reps:
        for day in days:
            if (rep.person_id, day.number) in answered:
                continue
            if unavailable(program, rep.person_id, day.date, absences) is None:
                yield from _day_plan(program, rep, day, start, end, goals.get(rep.person_id))


def _day_plan(
    program: Program, rep: Rep, day: StandupDay, start: datetime, end: datetime,
    goal: str | None,
) -> Iterator[Envelope]:
    tz = rep.timezone
    prompt, reminder, closes = (
        prompt_at(program, day, tz),
        reminder_at(program, day, tz),
        closes_at(day, tz),
    )
    if start <= prompt < end:
        yield _envelope(program, rep, day, due=prompt, window_end=reminder, reminder=False,
                        goal=goal)
    if start <= reminder < end:
        yield _envelope(program, rep, day, due=reminder, window_end=closes, reminder=True,
                        goal=goal)


def _envelope(
    program: Program,
    rep: Rep,
    day: StandupDay,
    *,
    due: datetime,
    window_end: datetime,
    reminder: bool,
    goal: str | None,
) -> Envelope:
    user = rep.slack_user_id
    closes = closes_at(day, rep.timezone)
    blocks = build_standup_prompt(
        rep_name=rep.name,
        day=day,
        ref=DayRef(program.id, user, day.number),
        channel=program.standup_channel,
        reminder_at=f"{program.reminder_time:%H:%M}",
        closes=closes,
        tz=rep.timezone,
        reminder=reminder,
        goal=goal,
    )
    return Envelope(
        key=(reminder_key if reminder else prompt_key)(program.id, user, day.number),
        kind=DeliveryKind.STANDUP_REMINDER if reminder else DeliveryKind.STANDUP_PROMPT,
        workspace_id=program.workspace_id,
        program_id=program.id,
        person_id=rep.person_id,
        channel=user,
        text=standup_prompt_fallback(rep.name, day, closes=closes, tz=rep.timezone,
                                     reminder=reminder),
        blocks=blocks,
        due_at=due,
        window_end=window_end,
    )
