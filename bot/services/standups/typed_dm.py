"""A rep typed into their DM with kickoff-bot: what to answer, so nothing typed is lost silently."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.domain.standups.fields import MAX_CHARS
from bot.domain.standups.typed_dm import Situation, TypingReply
from bot.errors import NotFound
from bot.services.standups.slots import Slot, next_standup_for, open_slot_for
from db.models import StandupTypedText

NOT_YOURS = (
    "That message is not one you typed to kickoff-bot, so nothing was filled in. "
    "Type it again in your DM with kickoff-bot."
)


def reply_to_typing(
    *, session: Session, slack_user_id: str, text: str, now: datetime
) -> TypingReply:
    """Offer today's open standup (with the text, stored whole, as the activity), or say when
    the next one is (storing nothing)."""
    slot = open_slot_for(session=session, slack_user_id=slack_user_id, now=now)
    typed = text.strip()
    if slot is not None:
        answer = slot.answer(session)
        answered = answer is not None and not answer.out_today
        return TypingReply(
            situation=Situation.ANSWERED if answered else Situation.OPEN,
            program_id=slot.program.id,
            day=slot.day,
            typed_id=_store(session, slot, typed, now) if typed else None,
            cut=len(typed) > MAX_CHARS,
        )
    upcoming = next_standup_for(session=session, slack_user_id=slack_user_id, now=now)
    if upcoming is not None:
        return TypingReply(situation=Situation.UPCOMING, next_day=upcoming)
    return TypingReply(situation=Situation.NONE)


def typed_text_for(*, session: Session, slot: Slot, typed_id: int) -> str:
    """The whole text the slot's rep typed, stored as `typed_id` (NotFound if not theirs)."""
    row = session.get(StandupTypedText, typed_id)
    if row is None or row.person_id != slot.member.person_id:
        raise NotFound(NOT_YOURS)
    return row.text


def _store(session: Session, slot: Slot, typed: str, now: datetime) -> int:
    row = StandupTypedText(person_id=slot.member.person_id, text=typed, typed_at=now)
    session.add(row)
    session.flush()
    return row.id
