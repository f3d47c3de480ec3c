"""Certifications' column in the ROI ledger: the percent certified (post-event) as the read-out
showed it, figured at the instant the read-out was taken."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.services.certification.figures import certification_figures
from bot.services.ledger.columns import LedgerColumn
from db.models import AuditKind, AuditSnapshot, CertificationStage, Program


def percent_certified(session: Session, program: Program) -> int | None:
    """Post-event certified of assigned, overall, when the read-out was taken (None: no read-out,
    no post-event certification, or fewer reps than the smallest group)."""
    taken = session.scalars(select(AuditSnapshot.created_at).where(
        AuditSnapshot.program_id == program.id, AuditSnapshot.kind == AuditKind.READOUT)).first()
    figures = None if taken is None else certification_figures(session=session, program=program,
                                                                at=taken)
    post = [stage.overall for stage in (figures.stages if figures else ())
            if stage.stage is CertificationStage.POST_EVENT]
    return post[0].percent if post and post[0] is not None else None


PERCENT_CERTIFIED = LedgerColumn("percent_certified", 30, percent_certified)
