"""Program weeks, the first standup day, due dates and the occurrences the rules give."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.services.coaching.calendar import (
    cadence_end,
    first_standup_day,
    program_week,
    week_number,
)
from bot.services.coaching.occurrences import Occurrence, occurrences
from db.models import CadenceType, Program

ONE, CALL, TERRITORY = CadenceType.ONE_ON_ONE, CadenceType.CALL_REVIEW, CadenceType.TERRITORY_REVIEW


def program(**fields: Any) -> Program:
    """An unsaved program: Monday 11 January 2027, a one-day event, Monday to Friday."""
    values: dict[str, Any] = {
        "kickoff_date": date(2027, 1, 11), "event_days": 1, "timezone": "UTC",
        "working_days": [1, 2, 3, 4, 5], "holidays": [], "coaching_due_weekday": 4,
        "standup_days": 5,
    } | fields
    return Program(**values)


@pytest.mark.parametrize(
    ("fields", "first"),
    [
        ({}, date(2027, 1, 12)),  # the day after a one-day Monday event
        ({"event_days": 2}, date(2027, 1, 13)),
        ({"kickoff_date": date(2027, 1, 14), "event_days": 2}, date(2027, 1, 18)),  # Thu-Fri
        ({"holidays": ["2027-01-12", "2027-01-13"]}, date(2027, 1, 14)),
        ({"kickoff_date": date(2027, 1, 15)}, date(2027, 1, 18)),  # past the weekend
    ],
)
def test_the_first_standup_day_is_the_first_working_day_after_the_event(
    fields: dict[str, Any], first: date
) -> None:
    assert first_standup_day(program(**fields)) == first


def test_weeks_run_monday_to_sunday_from_the_week_of_the_first_standup() -> None:
    thursday_kickoff = program(kickoff_date=date(2027, 1, 14), event_days=2)
    assert program_week(thursday_kickoff, 1).monday == date(2027, 1, 18)
    assert program_week(thursday_kickoff, 2).monday == date(2027, 1, 25)
    assert program_week(thursday_kickoff, 4).sunday == date(2027, 2, 14)
    assert week_number(thursday_kickoff, date(2027, 1, 31)) == 2
    assert week_number(thursday_kickoff, date(2027, 2, 1)) == 3
    assert cadence_end(thursday_kickoff) == date(2027, 2, 13)


def test_standup_days_past_the_weekend_push_the_coaching_weeks_back() -> None:
    wednesday_end = program(kickoff_date=date(2027, 1, 12), event_days=2)  # Tue-Wed
    assert week_number(wednesday_end, date(2027, 1, 20)) == 1  # Day 5, a Wednesday
    assert week_number(wednesday_end, date(2027, 1, 24)) == 1
    assert week_number(wednesday_end, date(2027, 1, 25)) == 2
    assert program_week(wednesday_end, 1).monday == date(2027, 1, 11)
    assert program_week(wednesday_end, 2).monday == date(2027, 1, 25)


def test_the_default_rules_give_six_occurrences_due_on_thursdays() -> None:
    # Standups Tue 12 to Mon 18 January: the first coaching week starts on the 25th.
    assert occurrences(program()) == [
        Occurrence(ONE, 2, date(2027, 1, 28)), Occurrence(CALL, 2, date(2027, 1, 28)),
        Occurrence(ONE, 3, date(2027, 2, 4)), Occurrence(TERRITORY, 3, date(2027, 2, 4)),
        Occurrence(ONE, 4, date(2027, 2, 11)), Occurrence(CALL, 4, date(2027, 2, 11)),
    ]


def test_the_due_weekday_is_per_program_and_a_holiday_moves_it_earlier() -> None:
    tuesdays = occurrences(program(coaching_due_weekday=2))
    assert {o.due_date for o in tuesdays} == {
        date(2027, 1, 26), date(2027, 2, 2), date(2027, 2, 9)
    }
    thanksgiving = occurrences(program(holidays=["2027-02-04"]))
    assert {o.due_date for o in thanksgiving if o.week == 3} == {date(2027, 2, 3)}


def test_no_coaching_week_starts_after_day_30() -> None:
    # A Friday kickoff after a holiday-heavy first week: week 4 would start after day 30.
    late = program(kickoff_date=date(2027, 1, 8), event_days=2,
                   holidays=["2027-01-11", "2027-01-12", "2027-01-13", "2027-01-14",
                             "2027-01-15"])
    assert first_standup_day(late) == date(2027, 1, 18)
    assert cadence_end(late) == date(2027, 2, 7)
    assert {o.week for o in occurrences(late)} == {2, 3}
