"""A standup day as people read it ("Day 2 of 5"), and where a rep's own day stands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class DayState(StrEnum):
    """Where a rep's standup day is at an instant, in their own time zone."""

    NOT_YET = "not yet"
    OPEN = "open"
    CLOSED = "closed"


@dataclass(frozen=True)
class StandupDay:
    """Day `number` of `total`, on `date` (a calendar date each rep lives in their own zone)."""

    number: int
    total: int
    date: date

    @property
    def label(self) -> str:
        """The label people read, e.g. "Day 2 of 5"."""
        return f"Day {self.number} of {self.total}"
