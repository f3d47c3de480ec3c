"""Writing standup answers: insert-or-ignore on (program, rep, day), edits with a new revision in
one statement, and the reminder an answer makes unnecessary."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.domain.standups.fields import AnswerText
from bot.services.outbox import cancel_planned
from bot.services.standups.keys import reminder_key
from bot.services.standups.schedule import reminder_at
from bot.services.standups.slots import Slot
from db.models import StandupAnswer


def insert_answer(session: Session, slot: Slot, now: datetime, *, text: AnswerText | None) -> bool:
    """Insert the day's first answer (or "out today" when `text` is None), unless one exists.

    Insert-or-ignore on the unique (program, person, day): two first submissions racing each
    other leave one row; the loser gets False and carries on as an edit.
    """
    values = {
        "program_id": slot.program.id,
        "person_id": slot.member.person_id,
        "day_number": slot.day.number,
        "local_date": slot.day.date,
        "answered_at": now,
        "updated_at": now,
        "manager_id": slot.member.manager_id,
        "revision": 1,
        "out_today": text is None,
        "late": text is not None and is_late(slot, now),
        "activity": text.activity if text else None,
        "win": text.win if text else None,
        "blocker": text.blocker if text else None,
    }
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = (
        dialect.insert(StandupAnswer)
        .values(values)
        .on_conflict_do_nothing(index_elements=["program_id", "person_id", "day_number"])
        .returning(StandupAnswer.id)
    )
    return session.execute(statement).scalar_one_or_none() is not None


def write_answer(
    session: Session,
    answer: StandupAnswer,
    text: AnswerText,
    now: datetime,
    *,
    values: dict[str, object],
) -> None:
    """Apply `text` with revision + 1 in one statement, so concurrent edits never share one."""
    session.execute(
        update(StandupAnswer)
        .where(StandupAnswer.id == answer.id)
        .values(
            activity=text.activity,
            win=text.win,
            blocker=text.blocker,
            updated_at=now,
            revision=StandupAnswer.revision + 1,
            **values,
        )
        .execution_options(synchronize_session=False)
    )
    session.refresh(answer)


def cancel_reminder(session: Session, slot: Slot) -> None:
    """No reminder for this day: the rep has answered or is out today."""
    key = reminder_key(slot.program.id, slot.member.person.slack_user_id, slot.day.number)
    cancel_planned(session, reason="the rep has answered or is out today", keys=[key])


def is_late(slot: Slot, now: datetime) -> bool:
    """Whether an answer at `now` comes after the reminder time (it still counts)."""
    return now > reminder_at(slot.program, slot.day, slot.tz)


def must(answer: StandupAnswer | None) -> StandupAnswer:
    """The answer just saved (never None)."""
    assert answer is not None, "the answer was just saved"
    return answer
