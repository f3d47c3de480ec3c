"""A rep marks "Out today": no reminder, counted as excused."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.errors import InvalidInput
from bot.services.standups.posting import queue_count_update
from bot.services.standups.records import cancel_reminder, insert_answer
from bot.services.standups.slots import Slot, find_slot
from bot.services.standups.turn import StandupTurn


def mark_out_today(*, session: Session, turn: StandupTurn) -> Slot:
    """Record "out today": no reminder, counted as excused (refused once answered)."""
    slot = find_slot(session=session, turn=turn)
    answer = slot.answer(session)
    if answer is not None and not answer.out_today:
        raise InvalidInput(
            f"You already answered {slot.day.label}; it stays posted. Use Edit to change it."
        )
    if answer is None:
        insert_answer(session, slot, turn.now, text=None)  # the same click twice records it once
    cancel_reminder(session, slot)
    queue_count_update(session, program=slot.program, day=slot.day, now=turn.now)
    return slot
