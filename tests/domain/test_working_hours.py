"""A DM's working window: 08:00-18:00 in the person's zone, on the program's working days."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.domain.working_hours import DmWindow, next_working_moment

WEEKDAYS = [1, 2, 3, 4, 5]


def utc(day: int, hour: int, minute: int = 0) -> datetime:
    """An instant in March 2027 (Friday the 12th, Monday the 15th), in UTC."""
    return datetime(2027, 3, day, hour, minute, tzinfo=UTC)


def test_inside_the_window_it_is_due_at_once_until_18_local() -> None:
    window = next_working_moment(utc(12, 4, 30), "Asia/Kolkata", working_days=WEEKDAYS,
                                 holidays=[])
    assert window == DmWindow(due=utc(12, 4, 30), end=utc(12, 12, 30))


def test_a_night_before_a_weekend_and_a_holiday_waits_for_the_next_working_morning() -> None:
    window = next_working_moment(utc(12, 18, 20), "Asia/Kolkata", working_days=WEEKDAYS,
                                 holidays=["2027-03-15"])
    assert window.due == utc(16, 2, 30)  # Tuesday 08:00 in Kolkata


def test_just_before_the_window_closes_it_keeps_an_hour_to_go_out() -> None:
    now = utc(12, 12, 29)  # 17:59 in Kolkata
    window = next_working_moment(now, "Asia/Kolkata", working_days=WEEKDAYS, holidays=[])
    assert window == DmWindow(due=now, end=now + timedelta(hours=1))


def test_a_calendar_without_working_days_does_not_hold_a_dm_forever() -> None:
    now = utc(12, 3)
    assert next_working_moment(now, "UTC", working_days=[], holidays=[]).due == now
