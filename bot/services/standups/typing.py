"""A rep typed into their DM with kickoff-bot: what to answer, so nothing typed is lost silently."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy.orm import Session

from bot.services.standups.fields import MAX_CHARS
from bot.services.standups.schedule import StandupDay
from bot.services.standups.slots import next_standup_for, open_slot_for


class Situation(StrEnum):
    """Where the rep's standups stand when they type."""

    OPEN = "open"  # today's standup is open and not answered: offer the message as the activity
    ANSWERED = "answered"  # already answered today: offer an edit with the message as activity
    UPCOMING = "upcoming"  # nothing open now: say when the next one is
    NONE = "none"  # no standups (not a rep, or the week is over)


@dataclass(frozen=True)
class TypingReply:
    """What the bot answers to a typed DM."""

    situation: Situation
    program_id: int | None = None
    day: StandupDay | None = None
    prefill: str | None = None  # the typed text, cut to the activity's limit
    cut: bool = False  # the typed text was longer than the activity's limit
    next_day: str | None = None


def reply_to_typing(
    *, session: Session, slack_user_id: str, text: str, now: datetime
) -> TypingReply:
    """Offer today's open standup (with the text as the activity), or say when the next is."""
    slot = open_slot_for(session=session, slack_user_id=slack_user_id, now=now)
    typed = text.strip()
    if slot is not None:
        answer = slot.answer(session)
        answered = answer is not None and not answer.out_today
        return TypingReply(
            situation=Situation.ANSWERED if answered else Situation.OPEN,
            program_id=slot.program.id,
            day=slot.day,
            prefill=typed[:MAX_CHARS] or None,
            cut=len(typed) > MAX_CHARS,
        )
    upcoming = next_standup_for(session=session, slack_user_id=slack_user_id, now=now)
    if upcoming is not None:
        return TypingReply(situation=Situation.UPCOMING, next_day=upcoming)
    return TypingReply(situation=Situation.NONE)
