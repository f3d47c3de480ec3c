"""Follow-through: whether what was agreed earlier happened (yes, partly, no), asked of a rep
about their last standup's planned activity and of a manager about the last agreed behaviour;
its words and its rate."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.surveys.results import rounded_percent
from db.models import Change

CHANGE_LABELS = {Change.YES: "Yes", Change.PARTLY: "Partly", Change.NO: "No"}


def read_change(raw: object) -> Change | None:
    """The answer a radio button sent back, or None for anything else (never trusted)."""
    return next((change for change in Change if change.value == raw), None)


@dataclass
class FollowCounts:
    """How often the earlier plan was done: yes, partly, no."""

    yes: int = 0
    partly: int = 0
    no: int = 0

    def add(self, change: Change | None) -> None:
        """Count one answer (None: not asked)."""
        self.yes += change is Change.YES
        self.partly += change is Change.PARTLY
        self.no += change is Change.NO

    @property
    def asked(self) -> int:
        """Answers given."""
        return self.yes + self.partly + self.no

    def text(self, what: str) -> str:
        """e.g. "4 of 6 planned activities done (1 partly), 67%"; the rate counts only yes."""
        if not self.asked:
            return f"no {what} asked about yet"
        return (f"{self.yes} of {self.asked} {what} done ({self.partly} partly), "
                f"{rounded_percent(self.yes, self.asked)}%")


@dataclass(frozen=True)
class EarlierPlan:
    """A rep's last answered standup before today: the activity they planned that day, and what
    they have said so far about whether it was done (when editing)."""

    day_number: int
    weekday: str  # "Friday", in the rep's own calendar
    activity: str
    answer: Change | None
