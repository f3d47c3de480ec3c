"""Which dates are standup days, and where a rep's own local day stands at a given instant.

Day N is the program's Nth working day after the event; each rep has it on that date in their
own time zone, so a rep in Sydney answers Day 1 while New York is still on the day before.
"""

from __future__ import annotations

from datetime import date, datetime, time

from bot.domain.local_time import at_local, end_of_local_day, local_date
from bot.domain.standups.days import DayState, StandupDay
from bot.services.program_weeks import calendar_of
from db.models import Program


def standup_days(program: Program) -> list[StandupDay]:
    """The program's standup days: week 1 of its calendar (working days after the event)."""
    dates = calendar_of(program).standup_days
    return [StandupDay(n, len(dates), d) for n, d in enumerate(dates, start=1)]


def standup_day(program: Program, number: int) -> StandupDay | None:
    """Day `number` of the program, if it has one."""
    days = standup_days(program)
    return days[number - 1] if 1 <= number <= len(days) else None


def day_on(program: Program, day: date) -> StandupDay | None:
    """The standup day falling on the calendar date `day`, if any."""
    return next((d for d in standup_days(program) if d.date == day), None)


def today_for(program: Program, tz: str, now: datetime) -> StandupDay | None:
    """The standup day it is for someone in `tz` at `now`, if it is one."""
    return day_on(program, local_date(now, tz))


def next_day_for(program: Program, tz: str, now: datetime) -> StandupDay | None:
    """The first standup day still to come for someone in `tz` (today's excluded)."""
    today = local_date(now, tz)
    return next((d for d in standup_days(program) if d.date > today), None)


def state_of(day: StandupDay, tz: str, now: datetime) -> DayState:
    """Whether `day` has not begun, is open, or has closed (at local midnight) in `tz`."""
    today = local_date(now, tz)
    if today < day.date:
        return DayState.NOT_YET
    return DayState.OPEN if today == day.date else DayState.CLOSED


def prompt_at(program: Program, day: StandupDay, tz: str) -> datetime:
    """When the prompt goes out: the program's standup time, local to the rep."""
    return at_local(day.date, program.standup_time, tz)


def reminder_at(program: Program, day: StandupDay, tz: str) -> datetime:
    """When the reminder goes out; an answer after it counts as late."""
    return at_local(day.date, program.reminder_time, tz)


def opens_at(day: StandupDay, tz: str) -> datetime:
    """When the day begins for a rep: their local midnight before it."""
    return at_local(day.date, time(0), tz)


def closes_at(day: StandupDay, tz: str) -> datetime:
    """When the day closes for answers: the rep's local midnight after it."""
    return end_of_local_day(day.date, tz)
