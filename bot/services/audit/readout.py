"""The day-30 governance read-out: standups, coaching completion per week, rubric first vs
latest, blockers, eNPS, and a plain verdict per cadence type against the program's target."""

from __future__ import annotations

from datetime import date, datetime
from statistics import fmean

from pydantic import BaseModel, ConfigDict
from sqlalchemy.orm import Session

from bot.services.audit.compute import Sources, cadence_tallies, gather
from bot.services.audit.numbers import Enps, StandupTally, Tally
from bot.services.audit.sources import BlockerTotals, blocker_totals
from bot.services.audit.weeks import readout_date, week_label
from bot.services.coaching.calendar import program_week
from bot.services.coaching.history import RepRubric
from bot.services.coaching.occurrences import CADENCE_ORDER
from db.models import Program
from db.models.coaching import RUBRIC_DIMENSIONS


class WeekCompletion(BaseModel):
    """One program week's coaching, per cadence type."""

    model_config = ConfigDict(frozen=True)

    number: int
    week: str  # ISO week
    cadences: dict[str, Tally]

    @property
    def total(self) -> Tally:
        """Every cadence type together."""
        return sum(self.cadences.values(), Tally())


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
    rubric: list[DimensionAverage]
    rubric_reps: int  # reps with two reviews or more, whose first and latest are compared
    blockers_raised: int
    blockers_resolved: int
    open_blockers: int
    enps: Enps | None

    def held(self, cadence: str) -> bool | None:
        """Whether the cadence type met the target; None when none was due."""
        rate = self.totals.get(cadence, Tally()).rate
        return None if rate is None else rate >= self.target


def compute_readout(*, session: Session, program: Program, now: datetime) -> ReadoutNumbers:
    """The read-out of the program as things stand at `now`."""
    sources = gather(session=session, program=program, now=now)
    return readout_numbers(sources, blocker_totals(session=session, program_id=program.id))


def readout_numbers(sources: Sources, blockers: BlockerTotals) -> ReadoutNumbers:
    """The read-out from what was gathered."""
    program = sources.program
    by_week = cadence_tallies(sources.history)
    weeks = [
        WeekCompletion(number=number, week=week_label(program_week(program, number).monday),
                       cadences=by_week[number])
        for number in sorted(by_week)
    ]
    totals = {
        cadence.value: sum((w.cadences.get(cadence.value, Tally()) for w in weeks), Tally())
        for cadence in CADENCE_ORDER
        if any(cadence.value in w.cadences for w in weeks)
    }
    compared = [rep for rep in sources.history.rubric if rep.reviews >= 2]
    return ReadoutNumbers(
        program=program.name, day=program.readout_day, on=readout_date(program),
        as_of=sources.now, target=program.one_on_one_target,
        baseline=program.baseline_completion, standups=sources.standups, weeks=weeks,
        totals=totals, rubric=rubric_averages(compared), rubric_reps=len(compared),
        blockers_raised=blockers.raised, blockers_resolved=blockers.resolved,
        open_blockers=sources.open_blockers, enps=sources.enps,
    )


def rubric_averages(reps: list[RepRubric]) -> list[DimensionAverage]:
    """Per dimension, the reps' average first and average latest score."""
    if not reps:
        return []
    trends = [{trend.dimension: trend for trend in rep.trends} for rep in reps]
    return [
        DimensionAverage(
            dimension=name,
            first=fmean(rep[name].first for rep in trends),
            latest=fmean(rep[name].latest for rep in trends),
        )
        for name in RUBRIC_DIMENSIONS
    ]
