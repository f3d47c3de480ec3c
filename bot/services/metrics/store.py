"""Writing checked metric values: one source's value per (person, metric, period) is replaced in
place, so re-importing a file or re-sending rows changes nothing twice."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from bot.services.metrics.checks import CheckedRow
from db.models import MetricValue


@dataclass(frozen=True)
class WriteReport:
    """How many values were added, changed and left as they were."""

    added: int
    updated: int
    unchanged: int

    def __str__(self) -> str:
        return f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged"


def write_values(
    *, session: Session, program_id: int, rows: Sequence[CheckedRow], source: str,
    now: datetime,
) -> WriteReport:
    """Store `rows` from `source`: new values inserted, changed ones updated, in bulk."""
    existing = {
        (person_id, metric, period): (value_id, value)
        for value_id, person_id, metric, period, value in session.execute(
            select(MetricValue.id, MetricValue.person_id, MetricValue.metric, MetricValue.period,
                   MetricValue.value)
            .where(MetricValue.program_id == program_id, MetricValue.source == source)
        )
    }
    new: list[dict[str, object]] = []
    changed: list[dict[str, object]] = []
    for row in rows:
        known = existing.get((row.person_id, row.metric, row.period))
        if known is None:
            new.append({"program_id": program_id, "person_id": row.person_id,
                        "metric": row.metric, "period": row.period, "value": row.value,
                        "source": source, "recorded_at": now})
        elif known[1] != row.value:
            # a changed value is newly recorded, and no longer the one a manager confirmed
            changed.append({"id": known[0], "value": row.value, "recorded_at": now,
                            "confirmed_by_id": None})
    if new:
        session.execute(insert(MetricValue), new)
    if changed:
        session.execute(update(MetricValue), changed)
    return WriteReport(len(new), len(changed), len(rows) - len(new) - len(changed))
