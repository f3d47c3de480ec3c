"""Metric values the bot already holds: counted from the coaching log, never typed twice.

- coaching sessions: each 1:1, call review or territory review done, on the day it was held;
- objection-handling score: the call-review rubric's objection-handling score, on that day;
- manager 1:1 completion: each 1:1 due by today, 100 if done, 0 if not (a rescheduled one on its
  new date).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import CadenceType, CoachingItem, LoggedStatus
from db.models.coaching import effective_due

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
    rows = session.execute(
        select(CoachingItem.rep_id, CoachingItem.cadence, CoachingItem.status,
               CoachingItem.held_on, CoachingItem.due_date, CoachingItem.rescheduled_to,
               CoachingItem.score_objection_handling)
        .where(CoachingItem.program_id == program_id, CoachingItem.committed.is_(False)))
    # plain rows, not ORM objects: a program of 10,000 reps logs some 100,000 sessions
    return [value for rep_id, cadence, status, held_on, due_date, moved_to, objection in rows
            for value in _values_of(_Logged(rep_id, cadence, status, held_on,
                                            effective_due(status, due_date, moved_to),
                                            objection), keys, today)]


class _Logged(NamedTuple):
    """What the log says of one session."""

    rep_id: int
    cadence: CadenceType
    status: LoggedStatus
    held_on: date | None
    due: date
    objection: int | None


def _values_of(item: _Logged, keys: frozenset[str], today: date) -> list[DerivedValue]:
    done = item.status is LoggedStatus.DONE
    held = item.held_on or item.due
    out: list[DerivedValue] = []
    if done and "coaching_sessions" in keys:
        out.append(DerivedValue(item.rep_id, "coaching_sessions", held, 1.0))
    if done and item.objection is not None and "objection_score" in keys:
        out.append(DerivedValue(item.rep_id, "objection_score", held, float(item.objection)))
    if item.cadence is CadenceType.ONE_ON_ONE and "one_on_one_completion" in keys \
            and item.due <= today:
        out.append(DerivedValue(item.rep_id, "one_on_one_completion",
                                held if done else item.due, 100.0 if done else 0.0))
    return out
