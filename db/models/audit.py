"""Leadership's audit: one stored snapshot per program and audited week (and one read-out),
so numbers once posted never change and a week is never posted twice."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, UtcDateTime, utcnow
from db.models.program import _enum_column


class AuditKind(StrEnum):
    """The weekly coaching-completion audit, or the day-30 read-out."""

    WEEKLY = "weekly"
    READOUT = "readout"


class AuditSnapshot(Base):
    """The numbers of one audit as computed when it was first due; written once, never updated
    except to record the files uploaded for it (the chart and, for big programs, the CSV)."""

    __tablename__ = "audit_snapshot"
    # One per program, kind and ISO week: a week is never audited (so never posted) twice, also
    # across restarts and with several dispatcher processes (inserts skip an existing row).
    __table_args__ = (UniqueConstraint("program_id", "kind", "week"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id"), index=True)
    kind: Mapped[AuditKind] = mapped_column(_enum_column(AuditKind))
    week: Mapped[str] = mapped_column(String(8))  # ISO week audited, e.g. "2027-W03"
    numbers: Mapped[dict[str, Any]] = mapped_column(JSON)
    # Uploaded once (files upload v2, shared to no channel); the audit message shows them.
    chart_file_id: Mapped[str | None] = mapped_column(String(32))
    csv_file_id: Mapped[str | None] = mapped_column(String(32))
    csv_permalink: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
