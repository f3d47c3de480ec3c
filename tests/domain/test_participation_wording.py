"""The one participation wording: all four outcomes said, and a rate the reader can check."""

from __future__ import annotations

from bot.domain.standups.participation import Counts
from bot.domain.standups.wording import participation_text


def test_the_missed_ones_are_said_not_left_to_subtract() -> None:
    counts = Counts(expected=34, answered=4, late=0, excused=1, missed=29)
    assert participation_text(counts) == ("34 rep-days expected: 4 answered (0 late), 1 excused, "
                                          "29 missed; 12% answered of the 33 not excused")


def test_days_still_open_are_left_out_of_the_rate_and_said_so() -> None:
    counts = Counts(expected=10, answered=3, late=1, excused=2, missed=1, pending=4)
    assert participation_text(counts) == ("10 rep-days expected: 3 answered (1 late), 2 excused, "
                                          "1 missed, 4 still open; 75% answered of the 4 closed "
                                          "and not excused")


def test_nothing_expected_says_so() -> None:
    assert participation_text(Counts()) == "no standup rep-days expected yet"
