"""Coaching weeks by number and date, read from the program's calendar (`calendar_of`).

Week 1 is the standup days; coaching weeks run Monday to Sunday in the program's time zone after
it; the cadence ends PROGRAM_DAYS after the kickoff.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.domain.local_time import end_of_local_day
from bot.domain.program_calendar import monday_of
from bot.domain.program_spec import PROGRAM_DAYS
from bot.services.availability import program_day_off
from bot.services.program_weeks import calendar_of
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
    return calendar_of(program).standup_days[0]


def week_days(day: date) -> list[date]:
    """Monday to Sunday of the week `day` is in."""
    monday = monday_of(day)
    return [monday + n * ONE_DAY for n in range(7)]


def program_week(program: Program, number: int) -> ProgramWeek:
    """Week `number` of the program, by its Monday (week 1: the week of the first standup day;
    week 2: the week after the last standup day)."""
    return ProgramWeek(number, _monday_of_week(program, number))


def week_number(program: Program, day: date) -> int:
    """The number of the program week `day` falls in (0 or less: before week 1)."""
    week_1 = calendar_of(program).weeks[0]
    if day > week_1.last:
        return (day - week_1.last - ONE_DAY).days // 7 + 2
    return min(1, (monday_of(day) - monday_of(week_1.first)).days // 7 + 1)


def _monday_of_week(program: Program, number: int) -> date:
    week_1 = calendar_of(program).weeks[0]
    if number <= 1:
        return monday_of(week_1.first) + (number - 1) * ONE_WEEK
    return week_1.last + ONE_DAY + (number - 2) * ONE_WEEK


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
