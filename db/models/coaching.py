"""Coaching-cadence occurrences: one 1:1, call review or territory review of a manager and a rep.

Only what was logged is stored; states that depend on time (missed, excused) are derived when
read, so the history stays honest whatever day it is read on.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, UtcDateTime, utcnow
from db.models.people import Person
from db.models.program import Program, _enum_column

# The five rubric dimensions of a call review, in the order managers score them.
RUBRIC_DIMENSIONS = (
    "discovery",
    "multi_threading",
    "objection_handling",
    "next_step",
    "value_articulation",
)


class CadenceType(StrEnum):
    """The three kinds of coaching in the 30 days after a kickoff."""

    ONE_ON_ONE = "one_on_one"
    CALL_REVIEW = "call_review"
    TERRITORY_REVIEW = "territory_review"


class LoggedStatus(StrEnum):
    """What the manager logged (missed and excused are derived, never stored)."""

    PLANNED = "planned"
    DONE = "done"
    RESCHEDULED = "rescheduled"
    SKIPPED = "skipped"


class Change(StrEnum):
    """Whether something agreed earlier happened: a behaviour changed, a planned activity done."""

    YES = "yes"
    PARTLY = "partly"
    NO = "no"


class Confirmation(StrEnum):
    """The rep's answer to a logged session."""

    CONFIRMED = "confirmed"
    DISPUTED = "disputed"


def effective_due(status: LoggedStatus, due_date: date, rescheduled_to: date | None) -> date:
    """The date an item is due on now: the new date once rescheduled (the one rule, read by
    CoachingItem and by the plain rows of bot/services/coaching/item_rows.py)."""
    if status is LoggedStatus.RESCHEDULED and rescheduled_to is not None:
        return rescheduled_to
    return due_date


class CoachingItem(Base):
    """One occurrence of a cadence for a (manager, rep) pair in one program week."""

    __tablename__ = "coaching_item"
    __table_args__ = (
        UniqueConstraint("program_id", "manager_id", "rep_id", "cadence", "week"),
        # Everything that decides an item's status, in the order the read-out groups by
        # (bot/services/coaching/totals.py): its held sessions are counted straight off the
        # index, without a sort or a row read. It begins with the program, so it serves every
        # lookup by program too.
        Index("ix_coaching_item_facts", "program_id", "committed", "status", "week", "cadence",
              "confirmation", "due_date", "rescheduled_to", "rep_id", "manager_id"),
        *(
            CheckConstraint(f"score_{name} BETWEEN 1 AND 5", name=f"score_{name}_1_to_5")
            for name in RUBRIC_DIMENSIONS
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id"))
    manager_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    rep_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    cadence: Mapped[CadenceType] = mapped_column(_enum_column(CadenceType))
    week: Mapped[int]
    due_date: Mapped[date]
    status: Mapped[LoggedStatus] = mapped_column(
        _enum_column(LoggedStatus), default=LoggedStatus.PLANNED
    )
    held_on: Mapped[date | None]
    duration_minutes: Mapped[int | None]
    pipeline_reviewed: Mapped[bool | None]
    call_link: Mapped[str | None] = mapped_column(String(500))
    notes: Mapped[str | None] = mapped_column(Text)  # the rep and their manager only
    rescheduled_to: Mapped[date | None]
    skip_reason: Mapped[str | None] = mapped_column(Text)
    won_call_link: Mapped[str | None] = mapped_column(String(500))
    lost_call_link: Mapped[str | None] = mapped_column(String(500))
    score_discovery: Mapped[int | None] = mapped_column(SmallInteger)
    score_multi_threading: Mapped[int | None] = mapped_column(SmallInteger)
    score_objection_handling: Mapped[int | None] = mapped_column(SmallInteger)
    score_next_step: Mapped[int | None] = mapped_column(SmallInteger)
    score_value_articulation: Mapped[int | None] = mapped_column(SmallInteger)
    agreed_behaviour: Mapped[str | None] = mapped_column(Text)
    # Whether the behaviour agreed at the pair's previous call review changed (asked when logged).
    behaviour_changed: Mapped[Change | None] = mapped_column(_enum_column(Change))
    # Added by the manager's own commitment (bot/services/commitments): reported as committed vs
    # done, never counted in the program-cadence completion.
    committed: Mapped[bool] = mapped_column(default=False)
    logged_by: Mapped[str | None] = mapped_column(String(32))  # Slack user id of who logged
    logged_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    revision: Mapped[int] = mapped_column(default=0)  # +1 on every log or edit
    confirmation: Mapped[Confirmation | None] = mapped_column(_enum_column(Confirmation))
    confirmation_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    program: Mapped[Program] = relationship()
    manager: Mapped[Person] = relationship(foreign_keys=[manager_id])
    rep: Mapped[Person] = relationship(foreign_keys=[rep_id])

    @property
    def effective_due(self) -> date:
        """The date it is due on now: the new date once rescheduled."""
        return effective_due(self.status, self.due_date, self.rescheduled_to)

    def score(self, dimension: str) -> int | None:
        """The rubric score (1-5) given for one of RUBRIC_DIMENSIONS."""
        value: int | None = getattr(self, f"score_{dimension}")
        return value
