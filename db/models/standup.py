"""Week-1 standup answers: one per program, rep and standup day, with its blocker's fate."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, UtcDateTime, utcnow
from db.models.coaching import Change
from db.models.program import _enum_column


class StandupAnswer(Base):
    """A rep's answer to Day N (or their "out today"), edited in place, never duplicated."""

    __tablename__ = "standup_answer"
    __table_args__ = (UniqueConstraint("program_id", "person_id", "day_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    day_number: Mapped[int]
    local_date: Mapped[date]  # Day N's date in the rep's own time zone
    activity: Mapped[str | None] = mapped_column(Text)
    win: Mapped[str | None] = mapped_column(Text)
    blocker: Mapped[str | None] = mapped_column(Text)
    out_today: Mapped[bool] = mapped_column(default=False)
    late: Mapped[bool] = mapped_column(default=False)  # first answered after the reminder time
    revision: Mapped[int] = mapped_column(default=1)  # +1 per edit; each edit updates the reply
    answered_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    # The manager the blocker went to, the delivery key of that DM, and who resolved it when.
    manager_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    blocker_key: Mapped[str | None] = mapped_column(String(200))
    blocker_resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    blocker_resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    # Follow-through: was the activity of the rep's previous answered day (`follow_day`) done?
    follow_day: Mapped[int | None]
    follow_through: Mapped[Change | None] = mapped_column(_enum_column(Change))

    @property
    def has_open_blocker(self) -> bool:
        """Whether a blocker was given and nobody has resolved it yet."""
        return bool(self.blocker) and self.blocker_resolved_at is None


class StandupTypedText(Base):
    """What a rep typed into the bot's DM, kept whole: the button offering it as the day's
    activity carries this row's id, so nothing typed is cut to fit a button value."""

    __tablename__ = "standup_typed_text"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    typed_at: Mapped[datetime] = mapped_column(UtcDateTime)
