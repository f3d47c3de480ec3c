"""The manager's commitment at the event's close: when it is asked for, the program's cadence in
the words of the source ("weekly 1:1s, bi-weekly call reviews, a monthly territory review"), and
the sessions a manager adds to it, stored as "cadence@week"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta

from bot.ids import CommitmentField
from db.models import CadenceType, Person, Program

# Event day 2 at 16:00 in the program's zone; a one-day event closes on day 1, at 16:30.
CLOSE_OF_TWO_DAYS = time(16, 0)
CLOSE_OF_ONE_DAY = time(16, 30)
CADENCE_PHRASES = {
    CadenceType.ONE_ON_ONE: "Weekly 1:1s",
    CadenceType.CALL_REVIEW: "Bi-weekly call reviews",
    CadenceType.TERRITORY_REVIEW: "A monthly territory review",
}
Added = frozenset[tuple[CadenceType, int]]


def cadence_field(cadence: CadenceType) -> CommitmentField:
    """The commitment modal's input of one cadence type (its block and action id)."""
    return CommitmentField(f"commit_{cadence.value}")


def commitment_moment(kickoff: date, event_days: int) -> tuple[date, time]:
    """The day and wall-clock time (program zone) managers are asked for their commitment."""
    if event_days >= 2:
        return kickoff + timedelta(days=1), CLOSE_OF_TWO_DAYS
    return kickoff, CLOSE_OF_ONE_DAY


def dump_added(added: Added) -> str:
    """The stored form: "call_review@3,one_on_one@5", sorted."""
    return ",".join(f"{cadence.value}@{week}" for cadence, week in sorted(added))


def parse_added(text: str) -> Added:
    """The sessions a stored commitment added (what dump_added wrote)."""
    pairs = (part.split("@") for part in text.split(",") if part)
    return frozenset((CadenceType(cadence), int(week)) for cadence, week in pairs)


def listed(parts: Sequence[str]) -> str:
    """ "a, b and c", "a", "" (for the sentences people read)."""
    return f"{', '.join(parts[:-1])} and {parts[-1]}" if len(parts) > 1 else "".join(parts)


def weeks_text(weeks: Sequence[int]) -> str:
    """ "weeks 2, 3 and 4", "week 3", "no week". """
    if not weeks:
        return "no week"
    return f"week{'s' if len(weeks) > 1 else ''} {listed([str(w) for w in sorted(weeks)])}"


@dataclass(frozen=True)
class CadenceWeeks:
    """One kind of session: the program's weeks (never removed), the weeks offered, the chosen."""

    cadence: CadenceType
    program: tuple[int, ...]
    offered: tuple[int, ...]
    chosen: tuple[int, ...]


@dataclass(frozen=True)
class CommitmentForm:
    """Everything the modal shows, for one manager of one program."""

    program: Program
    manager: Person
    cadences: tuple[CadenceWeeks, ...]
    metrics: tuple[tuple[str, str], ...]  # (key, name) of the program's enabled metrics
    metric: str | None  # the one committed to so far
    revision: int  # 0: not written yet

    @property
    def metric_name(self) -> str | None:
        """The name of the metric committed to, if any."""
        return dict(self.metrics).get(self.metric or "")

    def sentence(self) -> str:
        """"I will run weekly 1:1s in weeks 2, 3 and 4, ... and track Discovery calls for the
        next 30 days." (added weeks said as such)."""
        parts = []
        for cadence in self.cadences:
            added = [week for week in cadence.chosen if week not in cadence.program]
            extra = f" ({weeks_text(added)} added by me)" if added else ""
            parts.append(f"{CADENCE_PHRASES[cadence.cadence].lower()} in "
                         f"{weeks_text(cadence.chosen)}{extra}")
        metric = self.metric_name or "no metric yet"
        return f"I will run {listed(parts)}, and track {metric} for the next 30 days."
