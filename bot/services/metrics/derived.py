"""Metric values the bot already holds: counted from the coaching log, never typed twice.

- coaching sessions: each 1:1, call review or territory review done, on the day it was held;
- objection-handling score: the call-review rubric's objection-handling score, on that day;
- manager 1:1 completion: each 1:1 due by today, 100 if done, 0 if not (a rescheduled one on its
  new date).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import CadenceType, CoachingItem, LoggedStatus

LOG_SOURCE = "coaching log"


@dataclass(frozen=True)
class DerivedValue:
    """One value counted from the log: a rep's metric on a day."""

    person_id: int
    metric: str
    day: date
    value: float


def derived_values(
    *, session: Session, program_id: int, keys: frozenset[str], today: date
) -> list[DerivedValue]:
    """The log's values of the derived metrics in `keys`, in one query."""
    if not keys & {"coaching_sessions", "objection_score", "one_on_one_completion"}:
        return []
    items = session.scalars(select(CoachingItem).where(CoachingItem.program_id == program_id))
    return [value for item in items for value in _values_of(item, keys, today)]


def _values_of(item: CoachingItem, keys: frozenset[str], today: date) -> list[DerivedValue]:
    done = item.status is LoggedStatus.DONE
    held = item.held_on or item.effective_due
    out: list[DerivedValue] = []
    if done and "coaching_sessions" in keys:
        out.append(DerivedValue(item.rep_id, "coaching_sessions", held, 1.0))
    objection = item.score_objection_handling
    if done and objection is not None and "objection_score" in keys:
        out.append(DerivedValue(item.rep_id, "objection_score", held, float(objection)))
    if (item.cadence is CadenceType.ONE_ON_ONE and "one_on_one_completion" in keys
            and item.effective_due <= today):
        out.append(DerivedValue(item.rep_id, "one_on_one_completion",
                                held if done else item.effective_due, 100.0 if done else 0.0))
    return out
