"""Behaviour metrics' share of a program copy: the program's own metric settings (defaults
switched off or retargeted, custom metrics); never a value."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Program, ProgramMetric

SETTINGS = ("key", "name", "unit", "direction", "weekly", "owner", "stage", "target_kind",
            "target_value", "self_reported", "enabled")


def copy_metric_settings(*, session: Session, source: Program, copy: Program) -> None:
    """Carry every metric setting of `source` over to `copy`."""
    for row in session.scalars(select(ProgramMetric).where(ProgramMetric.program_id == source.id)):
        session.add(ProgramMetric(program_id=copy.id,
                                  **{name: getattr(row, name) for name in SETTINGS}))
