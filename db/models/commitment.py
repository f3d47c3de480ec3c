"""A manager's written commitment at the event's close: the coaching cadence they will run (the
program's, plus any sessions they add) and the one behaviour metric they will track."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, UtcDateTime


class ManagerCommitment(Base):
    """One manager's commitment in one program, edited in place (revision + 1 per save)."""

    __tablename__ = "manager_commitment"
    __table_args__ = (UniqueConstraint("program_id", "manager_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id"), index=True)
    manager_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    # The sessions added to the program's cadence, "cadence@week" joined by commas.
    added_sessions: Mapped[str] = mapped_column(String(500), default="")
    metric_key: Mapped[str] = mapped_column(String(40))
    revision: Mapped[int] = mapped_column(default=1)
    committed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
