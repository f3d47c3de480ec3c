"""A program's break-even inputs (optional) and the attainment lifts measured over a quota's
period: week 4 (the read-out's review) and day 100 (the re-measure), read from the figures the
posts stored, overall only, so the smallest-group rule already applied."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.ledger.break_even import (
    ATTAINMENT_METRICS,
    PERIODS,
    AttainmentLift,
    BreakEven,
    QuotaPeriod,
)
from bot.domain.metrics.figures import MetricFigures, figures_from_json
from bot.domain.metrics.periods import REMEASURE_WEEK
from bot.errors import InvalidField
from bot.services.metrics.audit_section import REMEASURE, REVIEW
from db.models import BreakEvenInput, MetricSnapshot, Program


def set_break_even(
    *, session: Session, program: Program, event_cost: float, reps: int, quota: float,
    period: str,
) -> BreakEven:
    """Store the program's break-even inputs (replacing any), each checked."""
    if not event_cost > 0:
        raise InvalidField("cost", "the event's all-in cost must be above zero")
    if reps < 1:
        raise InvalidField("reps", "the number of reps must be at least 1")
    if not quota > 0:
        raise InvalidField("quota", "the quota must be above zero")
    if period not in PERIODS:
        raise InvalidField("period", "the quota period is annual or quarterly")
    row = session.get(BreakEvenInput, program.id) or BreakEvenInput(program_id=program.id)
    row.event_cost, row.reps, row.quota, row.quota_period = event_cost, reps, quota, period
    session.add(row)
    session.flush()
    return _value(row)


def break_even_of(*, session: Session, program_id: int) -> BreakEven | None:
    """The program's break-even, if its inputs were given."""
    row = session.get(BreakEvenInput, program_id)
    return None if row is None else _value(row)


def attainment_lifts(*, session: Session, program_id: int) -> list[AttainmentLift]:
    """Every attainment lift measured so far, earliest first: week 4, then day 100."""
    snapshots = session.scalars(select(MetricSnapshot).where(
        MetricSnapshot.program_id == program_id,
        MetricSnapshot.kind.in_((REVIEW, REMEASURE))).order_by(MetricSnapshot.id))
    lifts: dict[tuple[str, int], AttainmentLift] = {}
    for snapshot in snapshots:
        for item in figures_from_json(snapshot.figures):
            if item.metric.key in ATTAINMENT_METRICS:
                lifts[item.metric.key, item.week] = lift_of(item)
    return [lifts[key] for key in sorted(lifts, key=lambda key: key[1])]


def lift_of(item: MetricFigures) -> AttainmentLift:
    """One attainment metric's overall lift, in points of quota."""
    measured = "day 100" if item.week == REMEASURE_WEEK else f"week {item.week}"
    lift = item.overall.lift if item.overall else None
    points = (None if lift is None or lift.week_mean is None or lift.baseline_mean is None
              else lift.week_mean - lift.baseline_mean)
    return AttainmentLift(period=ATTAINMENT_METRICS[item.metric.key], points=points,
                          measured=measured)


def _value(row: BreakEvenInput) -> BreakEven:
    return BreakEven(event_cost=row.event_cost, reps=row.reps, quota=row.quota,
                     period=QuotaPeriod(row.quota_period))
