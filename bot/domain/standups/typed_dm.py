"""What the bot answers a rep who typed into their DM with it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.domain.standups.days import StandupDay


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
    typed_id: int | None = None  # the stored typed text, offered as the activity
    cut: bool = False  # the typed text is longer than the activity's limit
    next_day: str | None = None
