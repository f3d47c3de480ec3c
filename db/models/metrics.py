"""Behaviour metrics: one store of (person, metric, period, value, source), each program's own
metric settings, the API tokens that may write to the store, and the figures posts showed."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, UtcDateTime, utcnow


class MetricValue(Base):
    """One value of one metric for one person and period, from one source.

    `period` is a date ("2027-03-15") or an ISO week ("2027-W11"); `source` is "import",
    "api:<token name>", "self-report", "pre-event self-report" or "correction" (a manager's,
    kept beside the rep's own). A second value from the same source for the same period replaces
    the first: re-importing a file updates in place.
    """

    __tablename__ = "metric_value"
    __table_args__ = (UniqueConstraint("program_id", "person_id", "metric", "period", "source"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    metric: Mapped[str] = mapped_column(String(40))
    period: Mapped[str] = mapped_column(String(10))
    value: Mapped[float]
    source: Mapped[str] = mapped_column(String(64))
    # The manager who confirmed a self-reported value as it stands (a correction is its own row).
    confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class ProgramMetric(Base):
    """A program's own setting of one metric: a default switched off or retargeted, or a custom
    metric. Defaults without a row apply as the source states them."""

    __tablename__ = "program_metric"

    program_id: Mapped[int] = mapped_column(ForeignKey("program.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    unit: Mapped[str] = mapped_column(String(40))
    direction: Mapped[str] = mapped_column(String(20))
    weekly: Mapped[str] = mapped_column(String(30))
    owner: Mapped[str] = mapped_column(String(40))
    stage: Mapped[str] = mapped_column(String(8))
    target_kind: Mapped[str] = mapped_column(String(10))
    target_value: Mapped[float]
    self_reported: Mapped[bool] = mapped_column(default=False)
    enabled: Mapped[bool] = mapped_column(default=True)


class ApiToken(Base):
    """A bearer token for `POST /api/v1/metrics`, scoped to one program; only its hash is kept."""

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id"), index=True)
    name: Mapped[str] = mapped_column(String(40))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class MetricSnapshot(Base):
    """The behaviour figures as a post showed them, stored once: the weekly audit's Behaviour
    section ("weekly", filed under the audited ISO week), the read-out's week-4 review
    ("review") and the day-100 re-measure ("remeasure"). A re-plan rebuilds the post from them,
    never from figures computed again."""

    __tablename__ = "metric_snapshot"
    __table_args__ = (UniqueConstraint("program_id", "kind", "week"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id"))
    kind: Mapped[str] = mapped_column(String(12))
    week: Mapped[str] = mapped_column(String(8))
    figures: Mapped[list[Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
