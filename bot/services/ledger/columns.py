"""The read-out figures the ledger sets beside each program's decisions. Each is a column a
feature declares (`Feature.ledger`), read from what the program's posts stored, so the ledger
says what the read-out said."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from statistics import fmean

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.audit.numbers import Tally
from bot.domain.audit.readout import ReadoutNumbers
from bot.domain.metrics.figures import figures_from_json
from bot.services.metrics.audit_section import REVIEW
from db.models import AuditKind, AuditSnapshot, MetricSnapshot, Program


@dataclass(frozen=True)
class LedgerColumn:
    """One figure per program: its column name, its place (by rank) and how it is read."""

    name: str
    rank: int
    read: Callable[[Session, Program], object]


def stored_readout(session: Session, program: Program) -> ReadoutNumbers | None:
    """The read-out as posted (None: not taken yet)."""
    numbers = session.scalars(select(AuditSnapshot.numbers).where(
        AuditSnapshot.program_id == program.id, AuditSnapshot.kind == AuditKind.READOUT)).first()
    return None if numbers is None else ReadoutNumbers.model_validate(numbers)


def coaching_completion(session: Session, program: Program) -> int | None:
    """Coaching done of due over the program, every cadence type, in percent."""
    readout = stored_readout(session, program)
    return None if readout is None else sum(readout.totals.values(), Tally()).percent


def enps_score(session: Session, program: Program) -> int | None:
    """The read-out's eNPS (None: no survey met its minimum)."""
    readout = stored_readout(session, program)
    return readout.enps.score if readout and readout.enps else None


def gap_change(session: Session, program: Program) -> str | None:
    """The gap survey's mean change over its items, before to after, on 1-5."""
    readout = stored_readout(session, program)
    if readout is None or readout.gap is None:
        return None
    if not readout.gap.items:
        return "no comparison"
    mean = Decimal(str(round(fmean(item.change for item in readout.gap.items), 2)))
    return f"{mean:+} mean over {len(readout.gap.items)} items"


def behaviour_lift(session: Session, program: Program) -> str | None:
    """The read-out's week-4 review: each metric's overall lift on its baseline, where shown."""
    stored = session.scalars(select(MetricSnapshot.figures).where(
        MetricSnapshot.program_id == program.id, MetricSnapshot.kind == REVIEW)).first()
    if stored is None:
        return None
    lifts = [(item.metric.key, item.overall.lift.lift_percent)
             for item in figures_from_json(stored) if item.overall is not None]
    return "; ".join(f"{key} {lift:+.1f}%" for key, lift in lifts if lift is not None) or None


READOUT_COLUMNS = (
    LedgerColumn("coaching_completion_percent", 10, coaching_completion),
    LedgerColumn("behaviour_lift_week_4", 20, behaviour_lift),
    # rank 30: the percent certified, which certifications declare
    LedgerColumn("enps", 40, enps_score),
    LedgerColumn("gap_survey_change", 50, gap_change),
)
