"""Program weeks: Monday to Sunday in the program's time zone; week 1 holds the first standup day.

Kept here as a small function of its own (the standups feature computes the same day); the
cadence ends PROGRAM_DAYS after the kickoff.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.domain.local_time import end_of_local_day
from bot.domain.program_spec import PROGRAM_DAYS
from bot.services.availability import program_day_off
from db.models import Program

ONE_DAY = timedelta(days=1)
ONE_WEEK = timedelta(days=7)


@dataclass(frozen=True)
class ProgramWeek:
    """One program week: its number and its Monday and Sunday."""

    number: int
    monday: date

    @property
    def sunday(self) -> date:
        """The last day of the week."""
        return self.monday + 6 * ONE_DAY

    def days(self) -> list[date]:
        """Monday to Sunday."""
        return week_days(self.monday)


def first_standup_day(program: Program) -> date:
    """The first working day (not a holiday) after the last day of the kickoff event."""
    day = program.kickoff_date + program.event_days * ONE_DAY
    while program_day_off(program, day) is not None:
        day += ONE_DAY
    return day


def monday_of(day: date) -> date:
    """The Monday of the week `day` is in."""
    return day - day.weekday() * ONE_DAY


def week_days(day: date) -> list[date]:
    """Monday to Sunday of the week `day` is in."""
    monday = monday_of(day)
    return [monday + n * ONE_DAY for n in range(7)]


def program_week(program: Program, number: int) -> ProgramWeek:
    """Week `number` of the program (week 1: the week of the first standup day)."""
    return ProgramWeek(number, monday_of(first_standup_day(program)) + (number - 1) * ONE_WEEK)


def week_number(program: Program, day: date) -> int:
    """The number of the program week `day` falls in (0 or less: before week 1)."""
    return (monday_of(day) - monday_of(first_standup_day(program))).days // 7 + 1


def cadence_end(program: Program) -> date:
    """The last day of the coaching cadence: day 30 after the kickoff."""
    return program.kickoff_date + PROGRAM_DAYS * ONE_DAY


def end_of_week(program: Program, day: date) -> datetime:
    """The UTC instant the week of `day` ends (Sunday midnight in the program's time zone)."""
    return end_of_local_day(monday_of(day) + 6 * ONE_DAY, program.timezone)


def working_days(program: Program, days: list[date]) -> list[date]:
    """The days among `days` that are program working days (not weekends, not holidays)."""
    return [day for day in days if program_day_off(program, day) is None]


def cadence_span(program: Program) -> tuple[date, date]:
    """Monday of week 1 to the Sunday of the week the cadence ends in (reschedules included)."""
    return program_week(program, 1).monday, monday_of(cadence_end(program)) + 6 * ONE_DAY
