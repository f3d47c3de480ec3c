"""A week's audit numbers, read from the standup, coaching and survey services.

`gather` runs a fixed set of SELECTs whatever the number of managers and reps (the coaching
history, standup participation, open blockers, reps, latest eNPS); the numbers of any week are
then worked out from that in memory, against the previous audit for late changes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from bot.domain.audit.numbers import Enps, ManagerHistory, StandupTally, Tally, WeekNumbers
from bot.services.audit.snapshot import late_changes, latest_audit_before
from bot.services.audit.sources import latest_enps
from bot.services.audit.weeks import (
    audit_prepared_at,
    audited_weeks,
    program_week_of,
    week_label,
)
from bot.services.coaching.history import CoachingHistory, coaching_history
from bot.services.coaching.occurrences import active_pairs
from bot.services.standups.blockers import open_blockers_by_manager
from bot.services.standups.participation import participation
from db.models import AuditSnapshot, Program


@dataclass(frozen=True)
class Sources:
    """What the audit reads, once, at `now`."""

    program: Program
    now: datetime
    history: CoachingHistory
    standups: StandupTally
    open_blockers: int
    reps: int
    enps: Enps | None


def gather(*, session: Session, program: Program, now: datetime) -> Sources:
    """Everything the audit reads, in a fixed number of SELECTs."""
    return Sources(
        program=program,
        now=now,
        history=coaching_history(session=session, program_id=program.id, now=now),
        standups=StandupTally.of(
            participation(session=session, program=program, now=now).totals()
        ),
        open_blockers=sum(
            open_blockers_by_manager(session=session, program_id=program.id).values()
        ),
        reps=len(active_pairs(session=session, program_id=program.id)),
        enps=latest_enps(session=session, program_id=program.id, now=now),
    )


def compute_week(*, session: Session, program: Program, monday: date, now: datetime) -> WeekNumbers:
    """The audit of the week starting `monday`, as things stand at `now`."""
    previous = latest_audit_before(session=session, program_id=program.id,
                                   week=week_label(monday))
    return week_numbers(gather(session=session, program=program, now=now), monday, previous)


def week_numbers(sources: Sources, monday: date, previous: AuditSnapshot | None) -> WeekNumbers:
    """The audit of the week starting `monday` from what was gathered; late changes are
    measured against the `previous` audit."""
    program, number = sources.program, program_week_of(sources.program, monday)
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
        standups=sources.standups, open_blockers=sources.open_blockers, enps=sources.enps,
        managers=manager_histories(sources.history, up_to=number),
        seen=seen, changes=late_changes(seen, previous),
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


def manager_histories(history: CoachingHistory, *, up_to: int) -> list[ManagerHistory]:
    """Each manager's completion (every cadence type together) per week, up to week `up_to`."""
    weeks: dict[int, dict[int, Tally]] = defaultdict(dict)
    names: dict[int, str] = {}
    for week in history.weeks:
        if week.week > up_to:
            continue
        names[week.manager_id] = week.manager_name
        weeks[week.manager_id][week.week] = sum(
            (Tally.of(counts) for counts in week.cadences.values()), Tally()
        )
    return [ManagerHistory(manager_id=manager_id, name=names[manager_id], weeks=weeks[manager_id])
            for manager_id in sorted(names, key=lambda m: (names[m], m))]
