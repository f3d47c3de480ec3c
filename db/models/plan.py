"""Written commitments made at the event: the program's behaviour contract, and each rep's plan
(Q1 goal, top obstacles, coaching plan), signed by the rep and co-signed by their manager.

A plan signed by both is locked: a later change is a new version both sign again, the old ones
kept as history (`replaced_at` set).
"""

from __future__ import annotations

from datetime import datetime, time

from sqlalchemy import JSON, ForeignKey, SmallInteger, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, UtcDateTime, utcnow
from db.models.people import Person
from db.models.program import Program


class PlanContract(Base):
    """A program's 30-day behaviour contract and when the breakout asks for the plans."""

    __tablename__ = "plan_contract"

    program_id: Mapped[int] = mapped_column(ForeignKey("program.id"), primary_key=True)
    text: Mapped[str | None] = mapped_column(Text)  # None: the default contract
    breakout_day: Mapped[int] = mapped_column(SmallInteger, default=1)  # event day, from 1
    breakout_time: Mapped[time] = mapped_column(default=time(14, 0))  # in the program's zone
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class RepPlan(Base):
    """One version of a rep's plan."""

    __tablename__ = "rep_plan"
    __table_args__ = (UniqueConstraint("program_id", "rep_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id"), index=True)
    rep_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    manager_id: Mapped[int] = mapped_column(ForeignKey("person.id"))  # who must co-sign
    version: Mapped[int] = mapped_column(SmallInteger, default=1)
    # Edits before the co-signature (after "Ask to revise"): the manager signs the latest only.
    revision: Mapped[int] = mapped_column(SmallInteger, default=1)
    goal: Mapped[str] = mapped_column(String(120))
    obstacles: Mapped[list[str]] = mapped_column(JSON, default=list)
    focus: Mapped[str] = mapped_column(String(32))  # the rubric dimension to work on first
    coaching_plan: Mapped[str] = mapped_column(Text)
    rep_signed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    manager_signed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    revise_reason: Mapped[str | None] = mapped_column(Text)  # the manager's "Ask to revise"
    revise_asked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    replaced_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # a newer version exists

    program: Mapped[Program] = relationship()
    rep: Mapped[Person] = relationship(foreign_keys=[rep_id])
    manager: Mapped[Person] = relationship(foreign_keys=[manager_id])

    @property
    def locked(self) -> bool:
        """Signed by both: a change makes a new version."""
        return self.manager_signed_at is not None
