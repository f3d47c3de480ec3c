"""Turning what planners say is due into outbox rows: new rows in, changed rows re-planned,
rows no longer due (someone away, deactivated, a program paused) cancelled."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol, TypeVar, runtime_checkable

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.services.outbox import Envelope, queue
from bot.services.planner import Planner
from db.models import Delivery, DeliveryStatus

# Look back far enough that work due while the bot was down is still found (and expired when its
# window has closed); look ahead so `program preview` and the next day are already planned.
LOOKBACK = timedelta(days=1)
LOOKAHEAD = timedelta(days=2)
CHUNK = 2000  # keys per IN (...) list, well inside SQLite's and PostgreSQL's limits

T = TypeVar("T")


@runtime_checkable
class Advancing(Protocol):
    """A planner whose own records change at a time (a survey closes): `plan_all` calls
    `advance` with the real `now` before planning; `plan` itself stays free of side effects
    (`program preview` calls it with a window that does not start a day before now)."""

    def advance(self, *, session: Session, now: datetime) -> None:
        """Make what is due by `now` happen."""


@dataclass(frozen=True)
class PlanResult:
    """What one planning pass changed."""

    added: int = 0
    replanned: int = 0
    cancelled: int = 0


def plan_all(session: Session, planners: Sequence[Planner], *, now: datetime) -> PlanResult:
    """Run every planner over [now - LOOKBACK, now + LOOKAHEAD) and apply the result."""
    totals = PlanResult()
    for planner in planners:
        if isinstance(planner, Advancing):
            planner.advance(session=session, now=now)
        result = apply_plan(session, planner, start=now - LOOKBACK, end=now + LOOKAHEAD, now=now)
        totals = PlanResult(
            totals.added + result.added,
            totals.replanned + result.replanned,
            totals.cancelled + result.cancelled,
        )
    return totals


def apply_plan(
    session: Session, planner: Planner, *, start: datetime, end: datetime, now: datetime
) -> PlanResult:
    """Make the outbox agree with what `planner` says is due in [start, end)."""
    wanted = {
        envelope.key: envelope for envelope in planner.plan(session=session, start=start, end=end)
    }
    existing = _existing(session, planner.kinds, wanted.keys(), start=start, end=end)
    replans = [
        _replan_values(row, wanted[row.key])
        for row in existing.values()
        if row.key in wanted and _needs_replan(row, wanted[row.key], now)
    ]
    if replans:
        session.execute(update(Delivery), replans)
    stale = [
        row.id
        for row in existing.values()
        if row.key not in wanted and row.status is DeliveryStatus.PLANNED
    ]
    for chunk in _chunks(stale):
        session.execute(
            update(Delivery)
            .where(Delivery.id.in_(chunk))
            .values(status=DeliveryStatus.CANCELLED, error="no longer due")
            .execution_options(synchronize_session=False)
        )
    new = [envelope for key, envelope in wanted.items() if key not in existing]
    added = sum(queue(session, chunk, now=now) for chunk in _chunks(new))
    return PlanResult(added=added, replanned=len(replans), cancelled=len(stale))


def _existing(
    session: Session, kinds: frozenset[str], keys: Iterable[str], *, start: datetime, end: datetime
) -> dict[str, Delivery]:
    """Rows of these kinds due in the window, and rows with any of `keys` (due elsewhere)."""
    in_window = select(Delivery).where(
        Delivery.kind.in_(sorted(kinds)), Delivery.due_at >= start, Delivery.due_at < end
    )
    rows = {row.key: row for row in session.scalars(in_window)}
    missing = [key for key in keys if key not in rows]
    for chunk in _chunks(missing):
        rows.update(
            (row.key, row)
            for row in session.scalars(select(Delivery).where(Delivery.key.in_(chunk)))
        )
    return rows


def _needs_replan(row: Delivery, envelope: Envelope, now: datetime) -> bool:
    if row.status is DeliveryStatus.CANCELLED:
        # Cancelled while it was not due (someone away, a program paused); due again and open.
        return envelope.window_end > now
    if row.status is not DeliveryStatus.PLANNED or envelope.window_end <= now:
        return False  # never move a row into a window that has closed (e.g. a manual retry)
    return (row.due_at, row.window_end, row.channel, row.text, row.blocks) != (
        envelope.due_at,
        envelope.window_end,
        envelope.channel,
        envelope.text,
        envelope.blocks,
    )


def _replan_values(row: Delivery, envelope: Envelope) -> dict[str, object]:
    return {
        "id": row.id,
        "status": DeliveryStatus.PLANNED,
        "error": None,
        "due_at": envelope.due_at,
        "window_end": envelope.window_end,
        "channel": envelope.channel,
        "text": envelope.text,
        "blocks": envelope.blocks,
    }


def _chunks(items: Sequence[T]) -> Iterable[list[T]]:
    for index in range(0, len(items), CHUNK):
        yield list(items[index : index + CHUNK])
