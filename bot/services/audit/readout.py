"""The day-30 governance read-out: standups, coaching completion per week, rubric first vs
latest (only over at least the program's smallest group of reps), blockers, eNPS, and a plain
verdict per cadence type against the program's target."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.domain.audit.numbers import CommittedDone, Enps, StandupTally, Tally, committed_up_to
from bot.domain.audit.readout import DimensionAverage, ReadoutNumbers, WeekCompletion
from bot.domain.coaching.cadence import CADENCE_ORDER
from bot.domain.coaching.status import CadenceCounts
from bot.domain.group_size import may_show, smallest_group
from bot.services.audit.compute import standup_tally
from bot.services.audit.sources import BlockerTotals, blocker_totals, latest_enps
from bot.services.audit.weeks import readout_date, week_label
from bot.services.coaching.calendar import cadence_end, program_week
from bot.services.coaching.occurrences import active_pair_count
from bot.services.coaching.totals import CoachingTotals, RubricTotals, coaching_totals
from bot.services.commitments.sessions import committed_vs_done
from bot.services.plans.standing import program_plan_standing
from bot.services.surveys.gap import gap_change
from bot.services.tiers.calibration_results import readout_calibration
from db.models import Program
from db.models.coaching import RUBRIC_DIMENSIONS


def compute_readout(*, session: Session, program: Program, now: datetime) -> ReadoutNumbers:
    """The read-out of the program as things stand at `now` (coaching and standups counted in
    the database, never a row per item or rep-day)."""
    numbers = readout_numbers(
        program=program, now=now,
        coaching=coaching_totals(session=session, program=program, now=now),
        standups=standup_tally(session=session, program=program, now=now, reps=active_pair_count(
            session=session, program_id=program.id)),
        enps=latest_enps(session=session, program_id=program.id, now=now),
        blockers=blocker_totals(session=session, program_id=program.id),
        committed=committed_vs_done(session=session, program=program, now=now),
    )
    return numbers.model_copy(update={
        "gap": gap_change(session=session, program=program, now=now),
        "calibration": readout_calibration(session=session, program=program, now=now),
        "plans": program_plan_standing(session=session, program=program),
    })


def readout_numbers(
    *, program: Program, now: datetime, coaching: CoachingTotals, standups: StandupTally,
    enps: Enps | None, blockers: BlockerTotals,
    committed: dict[int, list[CommittedDone]],
) -> ReadoutNumbers:
    """The read-out from what was read."""
    weeks = [
        WeekCompletion(
            number=number, week=week_label(program_week(program, number).monday),
            cadences={cadence.value: Tally.of(CadenceCounts.of(statuses))
                      for cadence, statuses in coaching.weeks[number].items()},
        )
        for number in sorted(coaching.weeks)
    ]
    totals = {
        cadence.value: sum((w.cadences.get(cadence.value, Tally()) for w in weeks), Tally())
        for cadence in CADENCE_ORDER
        if any(cadence.value in w.cadences for w in weeks)
    }
    rubric = coaching.rubric
    smallest = smallest_group(program.smallest_group)
    return ReadoutNumbers(
        program=program.name, day=program.readout_day, on=readout_date(program),
        as_of=now, target=program.one_on_one_target,
        baseline=program.baseline_completion, standups=standups, weeks=weeks,
        totals=totals,
        # An average over fewer reps than the smallest group would show their own scores.
        rubric=rubric_averages(rubric) if may_show(rubric.reps, smallest=smallest) else [],
        rubric_reps=rubric.reps,
        blockers_raised=blockers.raised, blockers_resolved=blockers.resolved,
        open_blockers=blockers.open, enps=enps,
        first_day=program.kickoff_date, last_day=cadence_end(program),
        smallest_group=smallest,
        committed_sessions=sum(line.committed for line in committed_up_to(committed)),
        committed_done=sum(line.done for line in committed_up_to(committed)),
    )


def rubric_averages(rubric: RubricTotals) -> list[DimensionAverage]:
    """Per dimension, the reps' average first and average latest score."""
    if not rubric.reps:
        return []
    return [
        DimensionAverage(dimension=name, first=rubric.first[name] / rubric.reps,
                         latest=rubric.latest[name] / rubric.reps)
        for name in RUBRIC_DIMENSIONS
    ]
