"""The program's weeks: standup days first, coaching weeks after them, day 30 at the end."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.domain.program_calendar import WeekKind, program_calendar


def weekend(day: date) -> bool:
    return day.isoweekday() > 5


# Every kickoff from Monday to Friday.
@pytest.mark.parametrize("kickoff", [date(2027, 3, 8) + timedelta(days=n) for n in range(5)])
@pytest.mark.parametrize("event_days", [1, 2])
def test_standup_days_and_coaching_weeks_never_share_a_day(kickoff: date, event_days: int) -> None:
    calendar = program_calendar(kickoff_date=kickoff, event_days=event_days, standup_days=5,
                                day_off=weekend)

    week_1, *coaching = calendar.weeks
    assert week_1.kind is WeekKind.STANDUPS
    assert len(week_1.standup_days) == 5
    assert all(day in week_1 for day in week_1.standup_days)
    assert [w.kind for w in coaching] == [WeekKind.COACHING] * 3
    assert all(w.first.isoweekday() == 1 and w.last == w.first + timedelta(days=6)
               for w in coaching)
    span = (coaching[-1].last - week_1.first).days
    days = [week_1.first + timedelta(days=n) for n in range(span + 1)]
    assert all(sum(day in w for w in calendar.weeks) <= 1 for day in days)
    day_30 = kickoff + timedelta(days=30)
    assert day_30 in coaching[-1] or day_30 == coaching[-1].last + timedelta(days=1)


def test_an_event_ending_on_a_wednesday_puts_days_4_and_5_in_week_1() -> None:
    calendar = program_calendar(kickoff_date=date(2027, 3, 9), event_days=2, standup_days=5,
                                day_off=weekend)

    assert calendar.standup_days[3:] == (date(2027, 3, 16), date(2027, 3, 17))
    assert calendar.weeks[0].last == date(2027, 3, 21)
    assert calendar.coaching_weeks[0].first == date(2027, 3, 22)


def test_holidays_move_the_standup_days() -> None:
    calendar = program_calendar(kickoff_date=date(2027, 3, 8), event_days=1, standup_days=2,
                                day_off=lambda day: weekend(day) or day == date(2027, 3, 9))

    assert calendar.standup_days == (date(2027, 3, 10), date(2027, 3, 11))
    week_2 = calendar.week(2)
    assert week_2 is not None
    assert week_2.first == date(2027, 3, 15)
    assert calendar.week(9) is None
