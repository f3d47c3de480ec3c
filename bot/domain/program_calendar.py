"""The program's weeks, defined once: week 1 is the standup days, coaching weeks follow.

Day N is the kickoff date plus N days. Week 1 runs from the first standup day (the first working
day after the event) to the Sunday of the week holding the last standup day, so no coaching week
shares a day with a standup day. Coaching weeks run Monday to Sunday from there; the last one holds
day 29, so day 30 falls in it or, when day 30 is a Monday, right after it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from bot.domain.program_spec import PROGRAM_DAYS

ONE_DAY = timedelta(days=1)
ONE_WEEK = timedelta(days=7)


class WeekKind(StrEnum):
    """What a program week is for."""

    STANDUPS = "standup days"
    COACHING = "coaching week"


@dataclass(frozen=True)
class CalendarWeek:
    """One program week: its number, kind, first and last day, and its standup days if any."""

    number: int
    kind: WeekKind
    first: date
    last: date
    standup_days: tuple[date, ...] = ()

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last


@dataclass(frozen=True)
class ProgramCalendar:
    """Every week of one program, in order: week 1 (standup days), then the coaching weeks."""

    weeks: tuple[CalendarWeek, ...]

    @property
    def standup_days(self) -> tuple[date, ...]:
        """The standup days, in order."""
        return self.weeks[0].standup_days

    @property
    def coaching_weeks(self) -> tuple[CalendarWeek, ...]:
        """The coaching weeks, in order (none if the standup days reach day 30)."""
        return self.weeks[1:]

    def week(self, number: int) -> CalendarWeek | None:
        """Week `number`, if the program has one."""
        return self.weeks[number - 1] if 1 <= number <= len(self.weeks) else None


def monday_of(day: date) -> date:
    """The Monday of the week `day` is in."""
    return day - day.weekday() * ONE_DAY


def program_calendar(
    *, kickoff_date: date, event_days: int, standup_days: int, day_off: Callable[[date], bool]
) -> ProgramCalendar:
    """The weeks of a program whose event starts on `kickoff_date`; `day_off` says which days
    (weekends, holidays) hold no standup."""
    days: list[date] = []
    day = kickoff_date + event_days * ONE_DAY
    while len(days) < standup_days:
        if not day_off(day):
            days.append(day)
        day += ONE_DAY
    first_coaching = monday_of(days[-1]) + ONE_WEEK
    week_1 = CalendarWeek(1, WeekKind.STANDUPS, days[0], first_coaching - ONE_DAY, tuple(days))
    last_coaching = monday_of(kickoff_date + (PROGRAM_DAYS - 1) * ONE_DAY)
    count = max(0, (last_coaching - first_coaching).days // 7 + 1)
    coaching = (
        CalendarWeek(n + 2, WeekKind.COACHING, first_coaching + n * ONE_WEEK,
                     first_coaching + n * ONE_WEEK + 6 * ONE_DAY)
        for n in range(count)
    )
    return ProgramCalendar((week_1, *coaching))
