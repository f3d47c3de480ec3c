"""The ROI ledger: the decisions taken on the read-out (one per program and intervention, every
version kept) and each program's break-even inputs."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, UtcDateTime, utcnow


class Decision(Base):
    """What the governance review decided about one intervention of a program, as it stands
    now; `intervention` is a standard one's key or "custom:<line>"."""

    __tablename__ = "decision"
    __table_args__ = (UniqueConstraint("program_id", "intervention"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id"), index=True)
    intervention: Mapped[str] = mapped_column(String(90))
    verdict: Mapped[str] = mapped_column(String(8))  # keep / change / kill
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))  # None: erased
    reason: Mapped[str] = mapped_column(String(200))
    confounds: Mapped[list[str]] = mapped_column(JSON, default=list)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))  # None: admin
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)  # edits count from
    version: Mapped[int] = mapped_column(default=1)


class DecisionRevision(Base):
    """One version of a decision as it was saved (the first included), never changed."""

    __tablename__ = "decision_revision"
    __table_args__ = (UniqueConstraint("decision_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decision.id"), index=True)
    version: Mapped[int]
    verdict: Mapped[str] = mapped_column(String(8))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    reason: Mapped[str] = mapped_column(String(200))
    confounds: Mapped[list[str]] = mapped_column(JSON, default=list)
    saved_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    saved_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class BreakEvenInput(Base):
    """A program's optional break-even inputs: the event's all-in cost, the reps it covers and
    their quota over its period ("annual" or "quarterly")."""

    __tablename__ = "break_even_input"

    program_id: Mapped[int] = mapped_column(ForeignKey("program.id"), primary_key=True)
    event_cost: Mapped[float]
    reps: Mapped[int]
    quota: Mapped[float]
    quota_period: Mapped[str] = mapped_column(String(10))
