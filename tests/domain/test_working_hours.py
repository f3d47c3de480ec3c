"""A DM's working window: the program's hours (08:00-18:00 unless set) in the person's zone, on
the program's working days when they are not away; on the event's days in the program's zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from bot.domain.working_hours import (
    DmWindow,
    PersonDays,
    WorkWindow,
    first_working_moment,
    next_working_moment,
    outside_window,
)

WEEKDAYS = frozenset({1, 2, 3, 4, 5})
KOLKATA = PersonDays(window=WorkWindow(), zone="Asia/Kolkata", working_days=WEEKDAYS,
                     holidays=frozenset())


def utc(day: int, hour: int, minute: int = 0) -> datetime:
    """An instant in March 2027 (Friday the 12th, Monday the 15th), in UTC."""
    return datetime(2027, 3, day, hour, minute, tzinfo=UTC)


def test_inside_the_window_it_is_due_at_once_until_18_local() -> None:
    window = next_working_moment(utc(12, 4, 30), KOLKATA)
    assert window == DmWindow(due=utc(12, 4, 30), end=utc(12, 12, 30))


def test_a_night_before_a_weekend_and_a_holiday_waits_for_the_next_working_morning() -> None:
    days = PersonDays(window=WorkWindow(), zone="Asia/Kolkata", working_days=WEEKDAYS,
                      holidays=frozenset({"2027-03-15"}))
    assert next_working_moment(utc(12, 18, 20), days).due == utc(16, 2, 30)  # Tue 08:00 there


def test_just_before_the_window_closes_it_keeps_an_hour_to_go_out() -> None:
    now = utc(12, 12, 29)  # 17:59 in Kolkata
    assert next_working_moment(now, KOLKATA) == DmWindow(due=now, end=now + timedelta(hours=1))


def test_a_calendar_without_working_days_does_not_hold_a_dm_forever() -> None:
    days = PersonDays(window=WorkWindow(), zone="UTC", working_days=frozenset(),
                      holidays=frozenset())
    assert next_working_moment(utc(12, 3), days).due == utc(12, 3)


def test_a_programs_own_hours_are_the_window() -> None:
    days = PersonDays(window=WorkWindow(time(10), time(16)), zone="Europe/Berlin",
                      working_days=WEEKDAYS, holidays=frozenset())
    # Friday 16:30 in Berlin is after the window: Monday 10:00 there, until 16:00.
    assert next_working_moment(utc(12, 15, 30), days) == DmWindow(due=utc(15, 9),
                                                                  end=utc(15, 15))


def test_days_out_of_office_are_skipped() -> None:
    days = PersonDays(window=WorkWindow(), zone="Asia/Kolkata", working_days=WEEKDAYS,
                      holidays=frozenset(), away=((date(2027, 3, 12), date(2027, 3, 16)),))
    assert next_working_moment(utc(12, 4, 30), days).due == utc(17, 2, 30)  # Wed 08:00 there


def test_on_the_events_days_the_window_is_in_the_programs_zone() -> None:
    # A Kolkata rep at a two-day event in New York (Thu 11 and Fri 12 March): Thursday 07:00 in
    # New York is 17:30 in Kolkata, inside their own window but before the event's day starts.
    days = PersonDays(window=WorkWindow(), zone="Asia/Kolkata", working_days=WEEKDAYS,
                      holidays=frozenset(), event=(date(2027, 3, 11), date(2027, 3, 12)),
                      event_zone="America/New_York")
    assert next_working_moment(utc(11, 12), days) == DmWindow(due=utc(11, 13), end=utc(11, 23))
    # Monday, back home: their own zone again.
    assert next_working_moment(utc(12, 23, 30), days).due == utc(15, 2, 30)


def test_the_event_ends_for_someone_when_their_own_calendar_leaves_it() -> None:
    # The event is Mon 8 and Tue 9 March in New York. At 13:00 in New York on Tuesday it is still
    # Tuesday in Kolkata: at the event, so at once. At 14:25 New York it is 00:55 Wednesday in
    # Kolkata: home again, so 08:00 their time.
    days = PersonDays(window=WorkWindow(), zone="Asia/Kolkata", working_days=WEEKDAYS,
                      holidays=frozenset(), event=(date(2027, 3, 8), date(2027, 3, 9)),
                      event_zone="America/New_York")
    assert next_working_moment(utc(9, 18), days).due == utc(9, 18)
    assert next_working_moment(utc(9, 19, 25), days).due == utc(10, 2, 30)


def test_no_window_before_the_latest_moment_is_none() -> None:
    assert first_working_moment(utc(12, 18, 20), utc(14, 0), KOLKATA) is None


def test_a_time_outside_the_window_is_refused_with_the_fix() -> None:
    window = WorkWindow(time(8), time(18))
    assert outside_window("standup time", time(7, 30), window) == (
        "standup time 07:30 is before the working window (08:00-18:00); set it to 08:00 or "
        "later, or widen the working hours")
    assert outside_window("reminder time", time(18), window) == (
        "reminder time 18:00 is not inside the working window (08:00-18:00); set it before "
        "18:00, or widen the working hours")
    assert outside_window("standup time", time(8), window) is None


def test_a_deadline_may_fall_as_the_window_closes() -> None:
    window = WorkWindow(time(8), time(18))
    assert outside_window("the closing", time(18), window, deadline=True) is None
    assert outside_window("the closing", time(18, 30), window, zone="UTC", deadline=True) == (
        "the closing, 18:30 in UTC, is after the working window (08:00-18:00); set it to 18:00 "
        "or earlier, or widen the working hours")
