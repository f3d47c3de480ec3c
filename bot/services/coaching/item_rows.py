"""Coaching items read as plain rows, not ORM objects: readers of a whole program's record
(tens of thousands of items at 10,000 reps) need neither the identity map nor change tracking."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from db.models import CadenceType, CoachingItem, Confirmation, LoggedStatus, Person
from db.models.coaching import RUBRIC_DIMENSIONS, effective_due


class ItemRow(NamedTuple):
    """A coaching item and its two people's names, as plain columns: no notes, no ORM object."""

    id: int
    manager_id: int
    manager_name: str
    manager_slack_id: str
    rep_id: int
    rep_name: str
    rep_slack_id: str
    cadence: CadenceType
    week: int
    due_date: date
    status: LoggedStatus
    held_on: date | None
    rescheduled_to: date | None
    confirmation: Confirmation | None
    score_discovery: int | None
    score_multi_threading: int | None
    score_objection_handling: int | None
    score_next_step: int | None
    score_value_articulation: int | None

    @property
    def effective_due(self) -> date:
        """The date it is due on now: the new date once rescheduled (as CoachingItem's)."""
        return effective_due(self.status, self.due_date, self.rescheduled_to)

    def score(self, dimension: str) -> int | None:
        """The rubric score (1-5) given for one of RUBRIC_DIMENSIONS."""
        value: int | None = getattr(self, f"score_{dimension}")
        return value


_MANAGER, _REP = aliased(Person), aliased(Person)
_ITEMS = (
    select(
        CoachingItem.id, CoachingItem.manager_id, _MANAGER.name, _MANAGER.slack_user_id,
        CoachingItem.rep_id, _REP.name, _REP.slack_user_id, CoachingItem.cadence,
        CoachingItem.week, CoachingItem.due_date, CoachingItem.status, CoachingItem.held_on,
        CoachingItem.rescheduled_to, CoachingItem.confirmation,
        *(getattr(CoachingItem, f"score_{name}") for name in RUBRIC_DIMENSIONS),
    )
    .join(_MANAGER, _MANAGER.id == CoachingItem.manager_id)
    .join(_REP, _REP.id == CoachingItem.rep_id)
    .order_by(CoachingItem.id)
)


def item_rows(
    *, session: Session, program_id: int, committed: bool = False
) -> Iterator[ItemRow]:
    """Every item of the program's cadence (or, with `committed`, every session managers added
    in their commitment) with its manager's and rep's names, by id (one query).

    Read one by one: a reader that keeps only what it needs of each lets it go at once. Run on
    the session's connection: plain rows, without the ORM's loading (tens of thousands at 10,000
    reps)."""
    query = _ITEMS.where(
        CoachingItem.program_id == program_id, CoachingItem.committed.is_(committed)
    ).execution_options(yield_per=1000)
    for row in session.connection().execute(query):
        yield ItemRow._make(row)
