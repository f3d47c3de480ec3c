"""Metric periods: dates and ISO weeks, and the program week each row counts in."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.metrics.periods import MetricWeek, Period, metric_weeks, parse_period, week_of
from bot.domain.program_calendar import program_calendar


def weekday(day: date) -> bool:
    return day.isoweekday() <= 5


def weeks_for(kickoff: date) -> tuple[MetricWeek, ...]:
    calendar = program_calendar(kickoff_date=kickoff, event_days=1, standup_days=5,
                                day_off=lambda day: not weekday(day))
    return metric_weeks(calendar, kickoff_date=kickoff)


def number(period: Period, weeks: tuple[MetricWeek, ...]) -> int | None:
    week = week_of(period, weeks, working=weekday)
    return None if week is None else week.number


def test_a_date_and_an_iso_week_parse_and_keep_their_label() -> None:
    assert parse_period("2027-03-15") == Period(date(2027, 3, 15), date(2027, 3, 15))
    week = parse_period("2027-w11")
    assert (week.first, week.last, week.label) == (date(2027, 3, 15), date(2027, 3, 21),
                                                   "2027-W11")


@pytest.mark.parametrize("text", ["2027-13-01", "2027-W54", "March 3", "", "2027-3-1"])
def test_anything_else_is_a_bad_period(text: str) -> None:
    with pytest.raises(ValueError, match="neither a date"):
        parse_period(text)


def test_the_baseline_weeks_the_program_weeks_and_the_re_measure_week() -> None:
    # Kickoff Monday 8 March; standup days 9-15 March, so week 1 runs to Sunday 21 March.
    weeks = weeks_for(date(2027, 3, 8))
    assert [(w.number, w.first, w.last) for w in weeks] == [
        (-4, date(2027, 2, 8), date(2027, 2, 14)),
        (-3, date(2027, 2, 15), date(2027, 2, 21)),
        (-2, date(2027, 2, 22), date(2027, 2, 28)),
        (-1, date(2027, 3, 1), date(2027, 3, 7)),
        (1, date(2027, 3, 9), date(2027, 3, 21)),
        (2, date(2027, 3, 22), date(2027, 3, 28)),
        (3, date(2027, 3, 29), date(2027, 4, 4)),
        (4, date(2027, 4, 5), date(2027, 4, 11)),
        (100, date(2027, 6, 14), date(2027, 6, 20)),  # day 100 is Wednesday 16 June
    ]


def test_a_dated_row_counts_in_the_week_holding_its_date_and_the_event_day_in_none() -> None:
    weeks = weeks_for(date(2027, 3, 8))
    numbers = {d: number(Period(d, d), weeks)
               for d in (date(2027, 3, 7), date(2027, 3, 8), date(2027, 3, 21), date(2027, 4, 12))}
    assert numbers == {date(2027, 3, 7): -1, date(2027, 3, 8): None, date(2027, 3, 21): 1,
                      date(2027, 4, 12): None}


def test_an_iso_week_counts_where_most_of_its_working_days_fall() -> None:
    weeks = weeks_for(date(2027, 3, 8))
    # W10 (8-14 March): Monday is the event, Tuesday to Friday are week 1.
    assert number(parse_period("2027-W10"), weeks) == 1
    assert number(parse_period("2027-W09"), weeks) == -1
    assert number(parse_period("2027-W20"), weeks) is None


def test_an_iso_week_split_evenly_counts_in_the_earlier_week() -> None:
    # Kickoff Wednesday 10 March: W10 has Mon 8 and Tue 9 in week -1, Thu 11 and Fri 12 in week 1.
    weeks = weeks_for(date(2027, 3, 10))
    assert number(parse_period("2027-W10"), weeks) == -1
