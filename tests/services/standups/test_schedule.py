"""Standup days: working days after the event, holidays skipped, each rep on their own date."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from bot.domain.standups.days import DayState
from bot.services.standups.schedule import (
    closes_at,
    day_on,
    next_day_for,
    prompt_at,
    standup_days,
    state_of,
    today_for,
)
from db.models import Program


def program(**fields: object) -> Program:
    """A program (not stored) with a Thursday kickoff, as in the week the US switches to DST."""
    values: dict[str, object] = {
        "kickoff_date": date(2027, 3, 11),
        "event_days": 1,
        "working_days": [1, 2, 3, 4, 5],
        "holidays": [],
        "standup_days": 5,
        "standup_time": time(9, 0),
        "reminder_time": time(11, 0),
    } | fields
    return Program(**values)


def test_standup_days_are_the_working_days_after_the_event() -> None:
    days = standup_days(program())
    assert [d.date for d in days] == [
        date(2027, 3, 12),
        date(2027, 3, 15),
        date(2027, 3, 16),
        date(2027, 3, 17),
        date(2027, 3, 18),
    ]
    assert [d.label for d in days] == [f"Day {n} of 5" for n in range(1, 6)]


def test_a_two_day_event_holidays_and_the_count_move_the_days() -> None:
    days = standup_days(program(event_days=2, holidays=["2027-03-15"], standup_days=3))
    assert [d.date for d in days] == [date(2027, 3, 16), date(2027, 3, 17), date(2027, 3, 18)]
    assert days[0].label == "Day 1 of 3"


def test_program_working_days_are_respected() -> None:
    days = standup_days(program(working_days=[1, 3, 5]))  # Mon, Wed, Fri
    assert [d.date.isoweekday() for d in days] == [5, 1, 3, 5, 1]


def test_sydney_answers_day_1_while_los_angeles_is_still_on_the_day_before() -> None:
    p = program()
    instant = datetime(2027, 3, 11, 22, 30, tzinfo=UTC)  # Fri 09:30 in Sydney, Thu in LA
    sydney = today_for(p, "Australia/Sydney", instant)
    assert sydney is not None
    assert sydney.number == 1
    assert today_for(p, "America/Los_Angeles", instant) is None
    la_next = next_day_for(p, "America/Los_Angeles", instant)
    assert la_next is not None
    assert la_next.number == 1


def test_prompts_are_at_local_nine_across_the_us_switch_to_daylight_time() -> None:
    p = program()
    friday, monday = standup_days(p)[:2]
    assert prompt_at(p, friday, "America/Los_Angeles") == datetime(2027, 3, 12, 17, tzinfo=UTC)
    assert prompt_at(p, monday, "America/Los_Angeles") == datetime(2027, 3, 15, 16, tzinfo=UTC)
    assert prompt_at(p, friday, "Pacific/Chatham") == datetime(2027, 3, 11, 19, 15, tzinfo=UTC)


def test_a_day_is_open_until_local_midnight() -> None:
    day = standup_days(program())[0]
    tz = "Asia/Kolkata"
    midnight = closes_at(day, tz)
    assert midnight == datetime(2027, 3, 12, 18, 30, tzinfo=UTC)
    assert state_of(day, tz, midnight.replace(minute=29)) is DayState.OPEN
    assert state_of(day, tz, midnight) is DayState.CLOSED
    assert state_of(day, tz, datetime(2027, 3, 11, 18, 29, tzinfo=UTC)) is DayState.NOT_YET


def test_day_on_finds_only_standup_dates() -> None:
    p = program()
    found = day_on(p, date(2027, 3, 16))
    assert found is not None
    assert found.number == 3
    assert day_on(p, date(2027, 3, 13)) is None  # a Saturday
