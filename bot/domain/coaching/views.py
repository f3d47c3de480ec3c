"""What managers read about coaching: the daily digest and one rep's sessions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from bot.domain.coaching.status import Status
from db.models import CoachingItem, Person, Program


@dataclass(frozen=True)
class Digest:
    """One manager's digest of one day; each item is listed once. `overdue_by` is the instant
    the overdue items count as missed (the end of their program week), None if none is overdue."""

    day: date
    this_week: list[CoachingItem]
    due_next: list[CoachingItem]
    overdue: list[CoachingItem]
    overdue_by: datetime | None = None
    # The behaviour each rep (by id) last agreed to change in a call review, shown beside them.
    behaviours: Mapping[int, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        """Whether there is nothing to tell the manager."""
        return not (self.this_week or self.due_next or self.overdue)

    def items(self) -> list[CoachingItem]:
        """Every item of the digest, in the order shown."""
        return [*self.this_week, *self.due_next, *self.overdue]


@dataclass(frozen=True)
class RepSessions:
    """A rep, their manager, and every session of theirs in the program with its status."""

    program: Program
    rep: Person
    manager: Person
    sessions: list[tuple[CoachingItem, Status]]
