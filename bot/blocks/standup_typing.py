"""The bot's answer when a rep types into its DM instead of using the standup buttons."""

from __future__ import annotations

from bot.blocks.standup import actions, button
from bot.blocks.standup_refs import DayRef
from bot.blocks.text import Block, context, section
from bot.domain.standups.fields import MAX_CHARS
from bot.domain.standups.typed_dm import Situation, TypingReply
from bot.ids import ActionId

HELP = "Type `/kickoff help` to see what kickoff-bot can do for you."


UPCOMING = (
    "No standup is open for you right now; your next one is {}. I have not saved your "
    "message, so bring it along then."
)
NONE = (
    "I only read messages here for week-1 standups, and none is open or coming for you, so "
    f"I have not saved your message. {HELP}"
)
CUT = (
    f"Your message is longer than the {MAX_CHARS:,} characters an answer holds; the first "
    f"{MAX_CHARS:,} are filled in."
)


def build_typing_reply(reply: TypingReply, *, rep_user_id: str) -> list[Block]:
    """A short note, and the button to today's standup with the message as its activity."""
    if reply.situation is Situation.UPCOMING:
        return [section(UPCOMING.format(reply.next_day))]
    if reply.situation is Situation.NONE or reply.day is None or reply.program_id is None:
        return [section(NONE)]
    ref = DayRef(reply.program_id, rep_user_id, reply.day.number, typed_id=reply.typed_id)
    blocks = [*_offer(reply.situation, reply.day.label, ref.to_value())]
    return blocks + ([context(CUT)] if reply.cut else [])


def _offer(situation: Situation, label: str, value: str) -> list[Block]:
    """The note and the button that opens the modal with the message as the activity."""
    if situation is Situation.ANSWERED:
        intro = (
            f"You have already answered *{label}*. Want your message to become its new activity?"
        )
        element = button("Edit, using my message", ActionId.STANDUP_EDIT, value)
    else:
        intro = (
            f"Thanks! Standups are answered in a short form, so your three answers stay "
            f"together. *{label}* is open: use your message as the new activity?"
        )
        element = button("Answer, using my message", ActionId.STANDUP_ANSWER, value, primary=True)
    return [section(intro), actions(element)]


def typing_reply_fallback(reply: TypingReply) -> str:
    """The plain-text fallback of the reply."""
    if reply.situation in (Situation.OPEN, Situation.ANSWERED) and reply.day is not None:
        return f"{reply.day.label} is open: answer it with the button to use your message."
    if reply.situation is Situation.UPCOMING:
        return f"No standup is open right now; your next one is {reply.next_day}."
    return "I only read messages here for week-1 standups."
