"""The behaviour blocks an audit post carries, built from the figures stored with it."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.blocks.metrics_audit import build_behaviour_section, build_week4_review
from bot.blocks.text import Block
from bot.domain.local_time import local_date
from bot.services.metrics.audit_section import REVIEW, WEEKLY, stored_behaviour
from db.models import AuditKind, AuditSnapshot, Program


def behaviour_blocks(
    *, session: Session, program: Program, snapshot: AuditSnapshot
) -> list[Block]:
    """The weekly audit's Behaviour section, or the read-out's week-4 review (none stored:
    none)."""
    weekly = snapshot.kind is AuditKind.WEEKLY
    figures = stored_behaviour(session=session, program_id=program.id,
                               kind=WEEKLY if weekly else REVIEW, week=snapshot.week)
    if weekly:
        return build_behaviour_section(figures, program=program.name)
    return build_week4_review(figures, as_of=local_date(snapshot.created_at, program.timezone))
