"""What the day-30 governance read-out says, as computed from the program's record."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict

from bot.domain.audit.numbers import Enps, StandupTally, Tally
from bot.domain.audit.plans import PlanStandings
from bot.domain.audit.standings import ONE_ON_ONE, on_cadence
from bot.domain.surveys.gap import GapChange


class WeekCompletion(BaseModel):
    """One program week's coaching, per cadence type."""

    model_config = ConfigDict(frozen=True)

    number: int
    week: str  # ISO week
    cadences: dict[str, Tally]


class CalibrationSpread(BaseModel):
    """The latest closed rubric calibration: how many managers scored the call, and per
    dimension the median and the spread (highest minus lowest); nobody is named."""

    model_config = ConfigDict(frozen=True)

    closed_on: date
    scorers: int
    medians: dict[str, float]
    spreads: dict[str, int]


class DimensionAverage(BaseModel):
    """A rubric dimension's average score, first vs latest call review of each rep."""

    model_config = ConfigDict(frozen=True)

    dimension: str
    first: float
    latest: float


class ReadoutNumbers(BaseModel):
    """Everything the read-out says."""

    model_config = ConfigDict(frozen=True)

    program: str
    day: int
    on: date
    as_of: datetime
    target: float
    baseline: float
    standups: StandupTally
    weeks: list[WeekCompletion]  # weeks with coaching due, in order
    totals: dict[str, Tally]  # per cadence type over the whole program
    rubric: list[DimensionAverage]  # empty when fewer than the smallest group were compared
    rubric_reps: int  # reps with two reviews or more, whose first and latest are compared
    blockers_raised: int
    blockers_resolved: int
    open_blockers: int
    enps: Enps | None
    # The period covered: the kickoff to day 30 (None in read-outs stored before they were kept).
    first_day: date | None = None
    last_day: date | None = None
    smallest_group: int = 5  # the program's, below which the rubric averages are not shown
    gap: GapChange | None = None  # the gap survey before vs after (None: the program ran none)
    # The latest calibration's spread (None: none closed, or fewer scorers than the smallest group)
    calibration: CalibrationSpread | None = None
    plans: PlanStandings | None = None  # the reps' signed plans (None in older read-outs)
    # Sessions managers added in their commitments, over all managers: never in the totals.
    committed_sessions: int = 0
    committed_done: int = 0

    def held(self, cadence: str) -> bool | None:
        """Whether the cadence type held: the 1:1s at the target, the others on their own
        cadence (every one due done), as the weekly audit measures them; None when none was
        due."""
        tally = self.totals.get(cadence, Tally())
        if cadence != ONE_ON_ONE:
            return on_cadence(tally)
        return None if tally.rate is None else tally.rate >= self.target
