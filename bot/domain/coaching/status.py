"""Where a coaching item stands, and how the items of one cadence type ended."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    """Where an item stands; each item is in exactly one."""

    OPEN = "open"  # due and not logged yet, its week not over
    DONE = "done"
    RESCHEDULED = "rescheduled"  # moved to a new date, still due
    SKIPPED = "skipped"
    MISSED = "missed"
    EXCUSED = "excused"
    DISPUTED = "disputed"  # logged as held; the rep says it did not happen


# Items a manager still has to hold and log.
TO_LOG = frozenset({Status.OPEN, Status.RESCHEDULED})


@dataclass(frozen=True)
class CadenceCounts:
    """How the items of one cadence type ended; `due` is their number, each counted once."""

    due: int = 0
    done: int = 0
    rescheduled: int = 0
    skipped: int = 0
    missed: int = 0
    excused: int = 0
    disputed: int = 0
    open: int = 0

    @classmethod
    def of(cls, statuses: Mapping[Status, int]) -> CadenceCounts:
        """The counts of items whose statuses are tallied in `statuses`."""
        return cls(due=sum(statuses.values()), **{s.value: n for s, n in statuses.items()})

    @property
    def completion(self) -> float | None:
        """done / (due - excused); None when nothing counts."""
        counted = self.due - self.excused
        return self.done / counted if counted else None
