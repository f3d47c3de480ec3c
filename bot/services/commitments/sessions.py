"""The sessions managers add in their commitment: coaching items flagged `committed`, due like
the program's (its due weekday of the week), listed in the manager's digest and logged the same
way, and reported apart as committed vs done (the program-cadence completion never counts them)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.domain.audit.numbers import CommittedDone
from bot.domain.coaching.status import Status
from bot.domain.commitments import Added, parse_added
from bot.services.coaching.calendar import end_of_week, program_week
from bot.services.coaching.item_rows import item_rows
from bot.services.coaching.occurrences import active_pairs, due_date, insert_ignoring_duplicates
from bot.services.coaching.status import StatusContext, load_status_context
from db.models import CoachingItem, LoggedStatus, ManagerCommitment, Program


def sync_added_items(
    *, session: Session, program: Program, manager_id: int, added: Added, now: datetime
) -> None:
    """Give each of the manager's reps the added sessions whose week has not ended; drop the
    added sessions no longer committed to that nobody logged yet."""
    unlogged = select(CoachingItem.id, CoachingItem.cadence, CoachingItem.week).where(
        CoachingItem.program_id == program.id, CoachingItem.manager_id == manager_id,
        CoachingItem.committed.is_(True), CoachingItem.status == LoggedStatus.PLANNED,
    )
    stale = [item_id for item_id, cadence, week in session.execute(unlogged)
             if (cadence, week) not in added]
    if stale:
        session.execute(delete(CoachingItem).where(CoachingItem.id.in_(stale)))
    _insert(session, program, {manager_id: added}, now)


def materialise_added(*, session: Session, program: Program, now: datetime) -> None:
    """The added sessions of every commitment, for reps who joined their manager since."""
    commitments = session.scalars(select(ManagerCommitment).where(
        ManagerCommitment.program_id == program.id, ManagerCommitment.added_sessions != ""))
    by_manager = {c.manager_id: parse_added(c.added_sessions) for c in commitments}
    if by_manager:
        _insert(session, program, by_manager, now)


def _insert(
    session: Session, program: Program, added: dict[int, Added], now: datetime
) -> None:
    rows = [
        {"program_id": program.id, "manager_id": pair.manager_id, "rep_id": pair.rep_id,
         "cadence": cadence, "week": week, "due_date": due, "created_at": now, "committed": True}
        for pair in active_pairs(session=session, program_id=program.id)
        for cadence, week in sorted(added.get(pair.manager_id, ()))
        if end_of_week(program, due := due_date(program, program_week(program, week))) > now
    ]
    if rows:
        session.execute(insert_ignoring_duplicates(session), rows)


def committed_vs_done(
    *, session: Session, program: Program, now: datetime, context: StatusContext | None = None
) -> dict[int, list[CommittedDone]]:
    """Per program week, per manager with added sessions due that week: committed vs done as
    things stand at `now` (`context`: the pairs and absences, if the caller has read them)."""
    items = list(item_rows(session=session, program_id=program.id, committed=True))
    if not items:  # most programs: no pairs to read
        return {}
    context = context or load_status_context(session=session, program=program)
    counts: dict[int, dict[str, list[int]]] = {}
    for item in items:
        count = counts.setdefault(item.week, {}).setdefault(item.manager_name, [0, 0])
        count[0] += 1
        count[1] += context.status_of(item, now) is Status.DONE
    return {week: [CommittedDone(manager=name, committed=committed, done=done)
                   for name, (committed, done) in sorted(managers.items())]
            for week, managers in sorted(counts.items())}
