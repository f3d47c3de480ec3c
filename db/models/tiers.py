"""Hidden tiers and rubric calibrations (enablement's): each rep's tier by trailing attainment,
kept apart from the roster and never shown in Slack; a calibration of one recorded call and
each manager's private scores of it."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, SmallInteger, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, UtcDateTime, utcnow
from db.models.coaching import RUBRIC_DIMENSIONS
from db.models.people import Person
from db.models.program import Program, _enum_column


class Tier(StrEnum):
    """A rep's third of the team by trailing 6-month attainment."""

    TOP = "top"
    MIDDLE = "middle"
    BOTTOM = "bottom"


class RepTier(Base):
    """One rep's tier in one program (never on the roster, never in a Slack payload)."""

    __tablename__ = "rep_tier"
    __table_args__ = (UniqueConstraint("program_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    tier: Mapped[Tier] = mapped_column(_enum_column(Tier))
    attainment: Mapped[float | None]  # percent of quota, trailing 6 months, when the file gave it
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    person: Mapped[Person] = relationship()


class Calibration(Base):
    """One norming round: every manager of the program scores the same recorded call."""

    __tablename__ = "calibration"

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id"), index=True)
    call_link: Mapped[str] = mapped_column(String(500))
    closes_at: Mapped[datetime] = mapped_column(UtcDateTime)
    started_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    program: Mapped[Program] = relationship()


class CalibrationScore(Base):
    """One manager's private scores of a calibration's call, 1-5 on each rubric dimension."""

    __tablename__ = "calibration_score"
    __table_args__ = (
        UniqueConstraint("calibration_id", "manager_id"),
        *(CheckConstraint(f"score_{name} BETWEEN 1 AND 5", name=f"calibration_{name}_1_to_5")
          for name in RUBRIC_DIMENSIONS),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    calibration_id: Mapped[int] = mapped_column(ForeignKey("calibration.id"), index=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id"), index=True)
    manager_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    score_discovery: Mapped[int] = mapped_column(SmallInteger)
    score_multi_threading: Mapped[int] = mapped_column(SmallInteger)
    score_objection_handling: Mapped[int] = mapped_column(SmallInteger)
    score_next_step: Mapped[int] = mapped_column(SmallInteger)
    score_value_articulation: Mapped[int] = mapped_column(SmallInteger)
    scored_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    manager: Mapped[Person] = relationship()

    def scores(self) -> dict[str, int]:
        """The score given on each of RUBRIC_DIMENSIONS."""
        return {name: int(getattr(self, f"score_{name}")) for name in RUBRIC_DIMENSIONS}
