"""The audit's numbers as stored in a snapshot (JSON) and read back, never recomputed.

Every rate is done / counted, where counted leaves excused items out (someone out of office all
week, a rep moved to another manager); disputed sessions count as not done.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict

from bot.domain.audit.plans import PlanStandings
from bot.domain.coaching.status import CadenceCounts
from bot.domain.standups.participation import Counts
from bot.domain.surveys.results import rounded_percent


class CommittedDone(BaseModel):
    """The sessions one manager added in their commitment: committed to, and done so far."""

    model_config = ConfigDict(frozen=True)

    manager: str
    committed: int
    done: int


def committed_up_to(
    by_week: Mapping[int, list[CommittedDone]], week: int | None = None
) -> list[CommittedDone]:
    """Each manager's added sessions of program weeks up to `week` (all weeks if None), summed,
    by name."""
    totals: dict[str, tuple[int, int]] = {}
    for number, lines in by_week.items():
        if week is not None and number > week:
            continue
        for line in lines:
            committed, done = totals.get(line.manager, (0, 0))
            totals[line.manager] = (committed + line.committed, done + line.done)
    return [CommittedDone(manager=name, committed=committed, done=done)
            for name, (committed, done) in sorted(totals.items())]


class Tally(BaseModel):
    """Items done out of those that count; excused ones are kept apart."""

    model_config = ConfigDict(frozen=True)

    done: int = 0
    counted: int = 0
    excused: int = 0

    @classmethod
    def of(cls, counts: CadenceCounts) -> Tally:
        """The tally of the coaching feature's counts of one cadence type."""
        return cls(done=counts.done, counted=counts.due - counts.excused, excused=counts.excused)

    def __add__(self, other: Tally) -> Tally:
        return Tally(done=self.done + other.done, counted=self.counted + other.counted,
                     excused=self.excused + other.excused)

    @property
    def rate(self) -> float | None:
        """done / counted; None when nothing counted."""
        return self.done / self.counted if self.counted else None

    @property
    def percent(self) -> int | None:
        """The rate as a whole percentage (halves away from zero, as eNPS is rounded)."""
        return rounded_percent(self.done, self.counted) if self.counted else None


class StandupTally(BaseModel):
    """Week-1 standup rep-days: answered (late ones included) of those that closed unexcused."""

    model_config = ConfigDict(frozen=True)

    answered: int = 0
    missed: int = 0
    excused: int = 0
    late: int = 0
    pending: int = 0
    # Follow-through (the last answered day's activity done, partly, not), kept at zero when the
    # program has fewer reps than its smallest group.
    follow_yes: int = 0
    follow_partly: int = 0
    follow_no: int = 0

    @classmethod
    def of(cls, counts: Counts, *, follow_shown: bool = True) -> StandupTally:
        """The tally of the standup feature's participation totals (follow-through only if
        `follow_shown`)."""
        follow = (counts.follow_yes, counts.follow_partly, counts.follow_no) if follow_shown \
            else (0, 0, 0)
        return cls(answered=counts.answered, missed=counts.missed, excused=counts.excused,
                   late=counts.late, pending=counts.pending, follow_yes=follow[0],
                   follow_partly=follow[1], follow_no=follow[2])

    def counts(self) -> Counts:
        """Back to the standup feature's counts (expected: every rep-day, whatever its outcome)."""
        return Counts(expected=self.answered + self.missed + self.excused + self.pending,
                      answered=self.answered, late=self.late, excused=self.excused,
                      missed=self.missed, pending=self.pending, follow_yes=self.follow_yes,
                      follow_partly=self.follow_partly, follow_no=self.follow_no)

    @property
    def counted(self) -> int:
        """Rep-days that count: answered or missed."""
        return self.answered + self.missed

    @property
    def percent(self) -> int | None:
        """Answered of counted, as a whole percentage."""
        return rounded_percent(self.answered, self.counted) if self.counted else None


class Enps(BaseModel):
    """The latest survey that met its minimum."""

    model_config = ConfigDict(frozen=True)

    score: int
    responses: int
    title: str
    closed_on: date


class TeamRubric(BaseModel):
    """A manager's team's call-review rubric: the reps' average score (every dimension
    together) at their first and at their latest review, over `reps` reviewed reps."""

    model_config = ConfigDict(frozen=True)

    first: float
    latest: float
    reps: int


class OpenBlocker(BaseModel):
    """A standup blocker not resolved yet: whose manager it waits on, and since when."""

    model_config = ConfigDict(frozen=True)

    manager: str | None  # None: the rep has no manager
    raised_on: date  # the standup day, program time
    age_days: int  # whole days from that day to the audit's `as_of`, program time


class ManagerHistory(BaseModel):
    """One manager's coaching per program week: every cadence type together (`weeks`) and each
    apart (`cadences`); their team's rubric. Fields after `weeks`
    have defaults so audits stored before them still load."""

    model_config = ConfigDict(frozen=True)

    manager_id: int
    name: str
    weeks: dict[int, Tally]
    cadences: dict[int, dict[str, Tally]] = {}  # week -> CadenceType value -> tally
    rubric: TeamRubric | None = None  # only for teams of at least the smallest group

    def week(self, number: int) -> Tally | None:
        """The tally of program week `number`, if anything was due."""
        return self.weeks.get(number)


class WeekChange(BaseModel):
    """A past week whose numbers changed after its audit (a late log or a correction)."""

    model_config = ConfigDict(frozen=True)

    week: str  # ISO week
    cadence: str  # CadenceType value
    before: Tally
    after: Tally


class WeekNumbers(BaseModel):
    """Everything one weekly audit says."""

    model_config = ConfigDict(frozen=True)

    program: str
    week: str  # ISO week, e.g. 2027-W03
    monday: date
    program_week: int
    as_of: datetime
    timezone: str  # the program's, in which as_of is shown
    complete: bool  # False while the week is still running (`/kickoff audit`)
    target: float
    baseline: float
    cadences: dict[str, Tally]  # CadenceType value -> this week's tally
    reps: int  # reps with a manager, coached in the program
    disputed: int
    standups: StandupTally
    open_blockers: int
    enps: Enps | None
    managers: list[ManagerHistory]  # every manager with coaching in the program, by name
    # Every audited week up to this one, as it stood now: the next audit compares against it.
    seen: dict[str, dict[str, Tally]]
    changes: list[WeekChange]
    blockers: list[OpenBlocker] = []  # oldest first
    smallest_group: int = 5  # the program's, below which a team's rubric is not shown
    plans: PlanStandings | None = None  # the reps' signed plans (None in older audits)
    # Sessions managers added in their commitments, by manager: never in the completion rates.
    committed: list[CommittedDone] = []

    def cadence(self, value: str) -> Tally:
        """This week's tally of one cadence type (empty when none was due)."""
        return self.cadences.get(value, Tally())

    @property
    def sessions_done(self) -> int:
        """Coaching sessions held this week, every cadence type."""
        return sum(tally.done for tally in self.cadences.values())
