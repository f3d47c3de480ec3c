"""A program's metrics: the source's defaults, as the program's own settings change them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.metrics.definitions import (
    DEFAULT_METRICS,
    Direction,
    MetricDefinition,
    Stage,
    Target,
    TargetKind,
    Weekly,
)
from db.models import ProgramMetric


def program_metrics(*, session: Session, program_id: int) -> tuple[MetricDefinition, ...]:
    """Every metric of the program, switched off ones too: the defaults in the source's order
    (as the program set them), then its custom metrics."""
    own = {row.key: row for row in session.scalars(
        select(ProgramMetric).where(ProgramMetric.program_id == program_id)
        .order_by(ProgramMetric.key))}
    defaults = tuple(
        _definition(own.pop(metric.key), metric) if metric.key in own else metric
        for metric in DEFAULT_METRICS
    )
    return defaults + tuple(_definition(row, None) for row in own.values())


def enabled_metrics(*, session: Session, program_id: int) -> tuple[MetricDefinition, ...]:
    """The metrics the program tracks (switched off ones left out)."""
    return tuple(m for m in program_metrics(session=session, program_id=program_id) if m.enabled)


def _definition(row: ProgramMetric, default: MetricDefinition | None) -> MetricDefinition:
    return MetricDefinition(
        key=row.key, name=row.name, unit=row.unit, direction=Direction(row.direction),
        weekly=Weekly(row.weekly), owner=row.owner, stage=Stage(row.stage),
        target=Target(TargetKind(row.target_kind), row.target_value),
        reference=default.reference if default else None,
        self_reported=row.self_reported, derived=default.derived if default else False,
        note=default.note if default else "", enabled=row.enabled,
    )


def save_definition(*, session: Session, program_id: int, metric: MetricDefinition) -> None:
    """Store the program's own setting of `metric` (a default changed, or a custom one)."""
    row = session.get(ProgramMetric, (program_id, metric.key))
    if row is None:
        row = ProgramMetric(program_id=program_id, key=metric.key)
        session.add(row)
    row.name, row.unit, row.owner = metric.name, metric.unit, metric.owner
    row.direction, row.weekly, row.stage = metric.direction, metric.weekly, metric.stage
    row.target_kind, row.target_value = metric.target.kind, metric.target.value
    row.self_reported, row.enabled = metric.self_reported, metric.enabled
    session.flush()
