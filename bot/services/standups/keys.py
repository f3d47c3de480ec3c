"""The delivery keys of standup messages (their kinds: bot.domain.standups.kinds), in one place.

Keys are deterministic, so the same message is never queued twice: two first answers of a day
racing each other queue the same thread parent, and the outbox keeps one.
"""

from __future__ import annotations

from datetime import datetime

from bot.domain.standups.kinds import Kind
from bot.services.outbox import delivery_key

CHANNEL = "channel"  # the recipient part of keys for posts in the program's standup channel


def prompt_key(program_id: int, slack_user_id: str, number: int) -> str:
    """The rep's prompt DM for Day `number`."""
    return delivery_key(Kind.PROMPT, program_id, slack_user_id, f"day{number}")


def reminder_key(program_id: int, slack_user_id: str, number: int) -> str:
    """The rep's reminder DM for Day `number`."""
    return delivery_key(Kind.REMINDER, program_id, slack_user_id, f"day{number}")


def thread_key(program_id: int, number: int) -> str:
    """The one thread parent of Day `number` in the standup channel."""
    return delivery_key(Kind.THREAD, program_id, CHANNEL, f"day{number}")


def reply_key(program_id: int, number: int, person_id: int) -> str:
    """A rep's answer posted in the day's thread."""
    return delivery_key(Kind.REPLY, program_id, CHANNEL, f"day{number}-p{person_id}")


def reply_edit_key(program_id: int, number: int, person_id: int, revision: int) -> str:
    """The update of a rep's reply after an edit (one per revision)."""
    return delivery_key(Kind.REPLY, program_id, CHANNEL, f"day{number}-p{person_id}-r{revision}")


def count_key(program_id: int, number: int, at: datetime) -> str:
    """The update of the thread parent's count: at most one per minute."""
    return delivery_key(Kind.COUNT, program_id, CHANNEL, f"day{number}-{at:%Y%m%d%H%M}")


def blocker_key(program_id: int, manager_user_id: str, answer_id: int, revision: int) -> str:
    """The manager's DM about a blocker, or its update after an edit."""
    return delivery_key(Kind.BLOCKER, program_id, manager_user_id, f"a{answer_id}-r{revision}")


def resolved_key(program_id: int, rep_user_id: str, answer_id: int, revision: int) -> str:
    """The rep's DM saying their blocker was resolved."""
    return delivery_key(Kind.RESOLVED, program_id, rep_user_id, f"a{answer_id}-r{revision}")
