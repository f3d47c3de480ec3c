"""A week's audit numbers, read from the standup, coaching and survey services.

`gather` runs a fixed set of SELECTs whatever the number of managers and reps (the coaching
history, standup participation, open blockers with their managers, reps and their managers,
latest eNPS); the numbers of any week are
then worked out from that in memory, against the previous audit for late changes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from bot.domain.audit.numbers import (
    CommittedDone,
    Enps,
    StandupTally,
    Tally,
    WeekNumbers,
    committed_up_to,
)
from bot.domain.group_size import may_show, smallest_group
from bot.services.audit.managers import blockers_of, manager_histories
from bot.services.audit.snapshot import late_changes, latest_audit_before
from bot.services.audit.sources import RaisedBlocker, latest_enps, open_blockers
from bot.services.audit.weeks import (
    audit_prepared_at,
    audited_weeks,
    program_week_of,
    week_label,
)
from bot.services.coaching.history import CoachingHistory, coaching_history
from bot.services.coaching.status import load_status_context
from bot.services.commitments.sessions import committed_vs_done
from bot.services.plans.standing import plan_standings
from bot.services.standups.totals import participation_totals
from db.models import AuditSnapshot, Program


@dataclass(frozen=True)
class Sources:
    """What the audit reads, once, at `now`."""

    program: Program
    now: datetime
    history: CoachingHistory
    standups: StandupTally
    blockers: list[RaisedBlocker]
    reps: int  # active reps with a manager
    enps: Enps | None
    committed: dict[int, list[CommittedDone]]  # added sessions, by program week


def gather(*, session: Session, program: Program, now: datetime) -> Sources:
    """Everything the audit reads, in a fixed number of SELECTs."""
    context = load_status_context(session=session, program=program)  # the pairs, read once
    return Sources(
        program=program,
        now=now,
        history=coaching_history(session=session, program_id=program.id, now=now,
                                 context=context),
        standups=standup_tally(session=session, program=program, now=now,
                               reps=len(context.manager_of_rep)),
        blockers=open_blockers(session=session, program_id=program.id),
        reps=len(context.manager_of_rep),
        enps=latest_enps(session=session, program_id=program.id, now=now),
        committed=committed_vs_done(session=session, program=program, now=now,
                                    context=context),
    )


def standup_tally(*, session: Session, program: Program, now: datetime, reps: int) -> StandupTally:
    """The days begun so far, counted in the database; their follow-through only for a program
    of at least its smallest group of `reps`."""
    totals = participation_totals(session=session, program=program, now=now, started_only=True)
    return StandupTally.of(totals, follow_shown=may_show(
        reps, smallest=smallest_group(program.smallest_group)))


def compute_week(*, session: Session, program: Program, monday: date, now: datetime) -> WeekNumbers:
    """The audit of the week starting `monday`, as things stand at `now`."""
    previous = latest_audit_before(session=session, program_id=program.id,
                                   week=week_label(monday))
    numbers = week_numbers(gather(session=session, program=program, now=now), monday, previous)
    return numbers.model_copy(update={"plans": plan_standings(session=session, program=program)})


def week_numbers(sources: Sources, monday: date, previous: AuditSnapshot | None) -> WeekNumbers:
    """The audit of the week starting `monday` from what was gathered; late changes are
    measured against the `previous` audit."""
    program, number = sources.program, program_week_of(sources.program, monday)
    smallest = smallest_group(program.smallest_group)
    by_week = cadence_tallies(sources.history)
    seen = {
        week_label(day): by_week.get(program_week_of(program, day), {})
        for day in audited_weeks(program) if day <= monday
    }
    this_week = by_week.get(number, {})
    return WeekNumbers(
        program=program.name, week=week_label(monday), monday=monday, program_week=number,
        as_of=sources.now, timezone=program.timezone,
        complete=sources.now >= audit_prepared_at(program, monday),
        target=program.one_on_one_target, baseline=program.baseline_completion,
        cadences=this_week, reps=sources.reps,
        disputed=sum(
            counts.disputed for week in sources.history.weeks if week.week == number
            for counts in week.cadences.values()
        ),
        standups=sources.standups, open_blockers=len(sources.blockers), enps=sources.enps,
        managers=manager_histories(sources.history, up_to=number, smallest=smallest),
        seen=seen, changes=late_changes(seen, previous),
        blockers=blockers_of(sources.blockers, now=sources.now, tz=program.timezone),
        smallest_group=smallest, committed=committed_up_to(sources.committed, number),
    )


def cadence_tallies(history: CoachingHistory) -> dict[int, dict[str, Tally]]:
    """Org-wide tallies per program week and cadence type."""
    tallies: dict[int, dict[str, Tally]] = defaultdict(dict)
    for week in history.weeks:
        for cadence, counts in week.cadences.items():
            tallies[week.week][cadence.value] = (
                tallies[week.week].get(cadence.value, Tally()) + Tally.of(counts)
            )
    return dict(tallies)
