"""Taking an audit: compute it once and store it as its snapshot (a no-op if it exists)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from bot.services.audit.compute import compute_week
from bot.services.audit.readout import compute_readout
from bot.services.audit.snapshot import store_snapshot
from bot.services.audit.weeks import week_label
from bot.services.metrics.audit_section import REVIEW, WEEKLY, record_behaviour
from db.models import AuditKind, AuditSnapshot, Program


def record_weekly_audit(
    *, session: Session, program: Program, monday: date, now: datetime
) -> AuditSnapshot | None:
    """Store the audit of the week starting `monday` as it stands at `now`; None if that week's
    audit was already stored (its numbers are never replaced)."""
    numbers = compute_week(session=session, program=program, monday=monday, now=now)
    snapshot = store_snapshot(session=session, program_id=program.id, kind=AuditKind.WEEKLY,
                              week=numbers.week, numbers=numbers, now=now)
    if snapshot is not None:  # its Behaviour section, stored with it
        record_behaviour(session=session, program=program, kind=WEEKLY, week=numbers.week,
                         monday=monday, now=now)
    return snapshot


def record_readout(
    *, session: Session, program: Program, week: date, now: datetime
) -> AuditSnapshot | None:
    """Store the read-out (filed under the ISO week starting `week`); None if already stored."""
    numbers = compute_readout(session=session, program=program, now=now)
    snapshot = store_snapshot(session=session, program_id=program.id, kind=AuditKind.READOUT,
                              week=week_label(week), numbers=numbers, now=now)
    if snapshot is not None:  # its week-4 review of behaviour, stored with it
        record_behaviour(session=session, program=program, kind=REVIEW, week=week_label(week),
                         monday=week, now=now)
    return snapshot
