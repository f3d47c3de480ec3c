"""Audit snapshots: stored once per program, kind and week, never changed afterwards (only the
ids of the files uploaded for them are added once); late logs are found by comparing a past
week as it stands now with how the latest audit saw it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.domain.audit.numbers import Tally, WeekChange, WeekNumbers
from db.models import AuditKind, AuditSnapshot


def weekly_snapshots(*, session: Session, program_id: int) -> list[AuditSnapshot]:
    """The program's weekly audits, oldest week first (one SELECT)."""
    return list(session.scalars(
        select(AuditSnapshot)
        .where(AuditSnapshot.program_id == program_id, AuditSnapshot.kind == AuditKind.WEEKLY)
        .order_by(AuditSnapshot.week)
    ))


def latest_audit_before(*, session: Session, program_id: int, week: str) -> AuditSnapshot | None:
    """The program's latest weekly audit of a week before `week` (one SELECT)."""
    return session.scalars(
        select(AuditSnapshot)
        .where(AuditSnapshot.program_id == program_id, AuditSnapshot.kind == AuditKind.WEEKLY,
               AuditSnapshot.week < week)
        .order_by(AuditSnapshot.week.desc())
        .limit(1)
    ).first()


def snapshot_of(
    *, session: Session, program_id: int, kind: AuditKind, week: str
) -> AuditSnapshot | None:
    """The stored audit of one program, kind and week, if any."""
    return session.scalars(select(AuditSnapshot).where(
        AuditSnapshot.program_id == program_id, AuditSnapshot.kind == kind,
        AuditSnapshot.week == week,
    )).first()


def store_snapshot(
    *, session: Session, program_id: int, kind: AuditKind, week: str, numbers: BaseModel,
    now: datetime,
) -> AuditSnapshot | None:
    """Store the numbers unless this week's audit already exists (also one another process is
    storing right now); returns the new snapshot, or None when there already was one."""
    row: dict[str, Any] = {
        "program_id": program_id, "kind": kind, "week": week,
        "numbers": numbers.model_dump(mode="json"), "created_at": now,
    }
    inserted = session.execute(
        _insert_ignoring_duplicates(session).values(row).returning(AuditSnapshot.id)
    ).scalar()
    return session.get(AuditSnapshot, inserted) if inserted is not None else None


def week_numbers_of(snapshot: AuditSnapshot) -> WeekNumbers:
    """The numbers a weekly snapshot stored, as they were posted."""
    return WeekNumbers.model_validate(snapshot.numbers)


def late_changes(
    seen: dict[str, dict[str, Tally]], previous: AuditSnapshot | None
) -> list[WeekChange]:
    """Past weeks whose tallies differ now (`seen`) from how the previous audit saw them: each
    change is noted once, in the first audit after it happened."""
    if previous is None:
        return []
    return [
        WeekChange(week=week, cadence=cadence, before=then.get(cadence, Tally()),
                   after=current.get(cadence, Tally()))
        for week, then in sorted(week_numbers_of(previous).seen.items())
        if (current := seen.get(week, {})) != then
        for cadence in sorted(then.keys() | current.keys())
        if then.get(cadence, Tally()) != current.get(cadence, Tally())
    ]


def _insert_ignoring_duplicates(session: Session) -> Insert:
    """INSERT ... ON CONFLICT DO NOTHING on the (program, kind, week) key."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement: Insert = dialect.insert(AuditSnapshot).on_conflict_do_nothing(
        index_elements=["program_id", "kind", "week"]
    )
    return statement
