"""The day-30 governance read-out: standups, coaching completion per week, rubric first vs
latest (only over at least the program's smallest group of reps), blockers, eNPS, and a plain
verdict per cadence type against the program's target."""

from __future__ import annotations

from datetime import datetime
from statistics import fmean

from sqlalchemy.orm import Session

from bot.domain.audit.numbers import Tally, committed_up_to
from bot.domain.audit.readout import DimensionAverage, ReadoutNumbers, WeekCompletion
from bot.domain.coaching.cadence import CADENCE_ORDER
from bot.domain.group_size import may_show, smallest_group
from bot.services.audit.compute import Sources, cadence_tallies, gather
from bot.services.audit.sources import BlockerTotals, blocker_totals
from bot.services.audit.weeks import readout_date, week_label
from bot.services.coaching.calendar import cadence_end, program_week
from bot.services.coaching.history import RepRubric
from bot.services.plans.standing import plan_standings
from bot.services.surveys.gap import gap_change
from bot.services.tiers.calibration_results import readout_calibration
from db.models import Program
from db.models.coaching import RUBRIC_DIMENSIONS


def compute_readout(*, session: Session, program: Program, now: datetime) -> ReadoutNumbers:
    """The read-out of the program as things stand at `now`."""
    sources = gather(session=session, program=program, now=now)
    numbers = readout_numbers(sources, blocker_totals(session=session, program_id=program.id))
    return numbers.model_copy(update={
        "gap": gap_change(session=session, program=program, now=now),
        "calibration": readout_calibration(session=session, program=program, now=now),
        "plans": plan_standings(session=session, program=program),
    })


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
    smallest = smallest_group(program.smallest_group)
    # An average over fewer reps than the smallest group would show their own scores.
    shown = compared if may_show(len(compared), smallest=smallest) else []
    return ReadoutNumbers(
        program=program.name, day=program.readout_day, on=readout_date(program),
        as_of=sources.now, target=program.one_on_one_target,
        baseline=program.baseline_completion, standups=sources.standups, weeks=weeks,
        totals=totals, rubric=rubric_averages(shown), rubric_reps=len(compared),
        blockers_raised=blockers.raised, blockers_resolved=blockers.resolved,
        open_blockers=len(sources.blockers), enps=sources.enps,
        first_day=program.kickoff_date, last_day=cadence_end(program),
        smallest_group=smallest,
        committed_sessions=sum(line.committed for line in committed_up_to(sources.committed)),
        committed_done=sum(line.done for line in committed_up_to(sources.committed)),
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
