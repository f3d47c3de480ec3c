"""A deadline reads in the reader's own zone, with the weekday it falls on there."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.domain.deadline import deadline_text
from bot.domain.local_time import end_of_local_day

NEW_YORK = "America/New_York"


def test_a_reader_in_the_programs_zone_reads_the_end_of_sunday() -> None:
    week_end = end_of_local_day(date(2026, 12, 6), NEW_YORK)  # a Sunday
    assert deadline_text(week_end, NEW_YORK) == "by Sun 23:59 your time"


def test_a_reader_to_the_west_reads_an_earlier_hour_the_same_day() -> None:
    week_end = end_of_local_day(date(2026, 12, 6), NEW_YORK)
    assert deadline_text(week_end, "America/Los_Angeles") == "by Sun 20:59 your time"


def test_a_reader_to_the_east_reads_the_next_day() -> None:
    week_end = end_of_local_day(date(2026, 12, 6), NEW_YORK)
    assert deadline_text(week_end, "Europe/Berlin") == "by Mon 05:59 your time"


def test_a_week_end_after_new_york_moves_its_clocks_reads_an_hour_earlier_in_london() -> None:
    # New York springs forward on 8 March 2026, London only on 29 March: the same Sunday
    # midnight in New York is an hour earlier in London than the week before.
    before = end_of_local_day(date(2026, 3, 1), NEW_YORK)
    after = end_of_local_day(date(2026, 3, 8), NEW_YORK)
    assert deadline_text(before, "Europe/London") == "by Mon 04:59 your time"
    assert deadline_text(after, "Europe/London") == "by Mon 03:59 your time"


def test_a_deadline_inside_a_minute_keeps_that_minute() -> None:
    closes = datetime(2026, 12, 4, 17, 0, 30, tzinfo=UTC)
    assert deadline_text(closes, "UTC") == "by Fri 17:00 your time"


def test_a_dated_deadline_says_the_readers_date() -> None:
    week_end = end_of_local_day(date(2026, 12, 6), NEW_YORK)
    assert deadline_text(week_end, "Asia/Tokyo", dated=True) == "by Mon 7 Dec 13:59 your time"
