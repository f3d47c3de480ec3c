"""Out-of-office ranges as people read them, and what setting one from Slack came to."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

MAX_DAYS = 90


@dataclass(frozen=True)
class Absence:
    """One out-of-office range with who it belongs to."""

    person_id: int
    slack_user_id: str
    name: str
    timezone: str
    first_day: date
    last_day: date

    @property
    def days(self) -> int:
        """How many days the range spans."""
        return (self.last_day - self.first_day).days + 1


@dataclass(frozen=True)
class OutOfOfficeOutcome:
    """The range after merging and the messages cancelled; or why nothing was set, by what
    was wrong: "person" or "days"."""

    absence: Absence | None = None
    cancelled: int = 0
    merged: bool = False
    errors: dict[str, str] = field(default_factory=dict)
