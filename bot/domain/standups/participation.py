"""Standup participation as counted: one rep on one day, and totals over any grouping.

`answered` includes the late ones; a rep-day is pending while the rep's day is still open.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from db.models import Change

K = TypeVar("K", bound=Hashable)


class Status(StrEnum):
    """Where one rep stands on one standup day."""

    ANSWERED = "answered"
    EXCUSED = "excused"
    MISSED = "missed"
    PENDING = "pending"  # the rep's day has not closed yet


@dataclass(frozen=True)
class RepDay:
    """One rep on one standup day."""

    person_id: int
    name: str
    team: str | None
    manager_id: int | None
    manager_name: str | None
    number: int
    status: Status
    late: bool = False
    reason: str | None = None  # why excused
    follow: Change | None = None  # was the previous answered day's activity done?


@dataclass
class Counts:
    """Totals over some rep-days; `answered` includes the late ones."""

    expected: int = 0
    answered: int = 0
    late: int = 0
    excused: int = 0
    missed: int = 0
    pending: int = 0
    # Follow-through: the previous answered day's planned activity done, partly done, not done.
    follow_yes: int = 0
    follow_partly: int = 0
    follow_no: int = 0

    def add(self, row: RepDay) -> None:
        """Count one rep-day."""
        self.add_alike(row.status, late=row.late, follow=row.follow)

    def add_alike(
        self, status: Status, *, late: bool, follow: Change | None = None, times: int = 1
    ) -> None:
        """Count `times` rep-days of the same status, lateness and follow-through."""
        self.expected += times
        self.answered += times * (status is Status.ANSWERED)
        self.late += times * late
        self.excused += times * (status is Status.EXCUSED)
        self.missed += times * (status is Status.MISSED)
        self.pending += times * (status is Status.PENDING)
        self.follow_yes += times * (follow is Change.YES)
        self.follow_partly += times * (follow is Change.PARTLY)
        self.follow_no += times * (follow is Change.NO)


@dataclass(frozen=True)
class Participation:
    """Every rep-day of a program, with totals by any grouping."""

    rows: list[RepDay]

    def by(self, key: Callable[[RepDay], K]) -> dict[K, Counts]:
        """Counts per value of `key` (e.g. per day, team or manager)."""
        groups: dict[K, Counts] = {}
        for row in self.rows:
            groups.setdefault(key(row), Counts()).add(row)
        return groups

    def totals(self) -> Counts:
        """Counts over the whole program."""
        counts = Counts()
        for row in self.rows:
            counts.add(row)
        return counts

    def sizes(self, key: Callable[[RepDay], K]) -> dict[K, int]:
        """Reps (not rep-days) per value of `key`: the group sizes the smallest-group rule reads."""
        people: dict[K, set[int]] = {}
        for row in self.rows:
            people.setdefault(key(row), set()).add(row.person_id)
        return {group: len(members) for group, members in people.items()}
