"""The delivery keys of standup messages, in one place.

Keys are deterministic, so the same message is never queued twice: two first answers of a day
racing each other queue the same thread parent, and the outbox keeps one.
"""

from __future__ import annotations

from datetime import datetime

from bot.domain.kinds import DeliveryKind
from bot.services.outbox import delivery_key

CHANNEL = "channel"  # the recipient part of keys for posts in the program's standup channel



def prompt_key(program_id: int, slack_user_id: str, number: int) -> str:
    """The rep's prompt DM for Day `number`."""
    return delivery_key(DeliveryKind.STANDUP_PROMPT, program_id, slack_user_id, f"day{number}")


def reminder_key(program_id: int, slack_user_id: str, number: int) -> str:
    """The rep's reminder DM for Day `number`."""
    return delivery_key(DeliveryKind.STANDUP_REMINDER, program_id, slack_user_id, f"day{number}")


def thread_key(program_id: int, number: int) -> str:
    """The one thread parent of Day `number` in the standup channel."""
    return delivery_key(DeliveryKind.STANDUP_THREAD, program_id, CHANNEL, f"day{number}")


def reply_key(program_id: int, number: int, person_id: int) -> str:
    """A rep's answer posted in the day's thread."""
    slot = f"day{number}-p{person_id}"
    return delivery_key(DeliveryKind.STANDUP_REPLY, program_id, CHANNEL, slot)


def reply_edit_key(program_id: int, number: int, person_id: int, revision: int) -> str:
    """The update of a rep's reply after an edit (one per revision)."""
    slot = f"day{number}-p{person_id}-r{revision}"
    return delivery_key(DeliveryKind.STANDUP_REPLY, program_id, CHANNEL, slot)


def count_key(program_id: int, number: int, at: datetime) -> str:
    """The update of the thread parent's count: at most one per minute."""
    slot = f"day{number}-{at:%Y%m%d%H%M}"
    return delivery_key(DeliveryKind.STANDUP_COUNT, program_id, CHANNEL, slot)


def blocker_key(program_id: int, manager_user_id: str, answer_id: int, revision: int) -> str:
    """The manager's DM about a blocker, or its update after an edit."""
    slot = f"a{answer_id}-r{revision}"
    return delivery_key(DeliveryKind.STANDUP_BLOCKER, program_id, manager_user_id, slot)


def resolved_key(program_id: int, rep_user_id: str, answer_id: int, revision: int) -> str:
    """The rep's DM saying their blocker was resolved."""
    slot = f"a{answer_id}-r{revision}"
    return delivery_key(DeliveryKind.STANDUP_BLOCKER_RESOLVED, program_id, rep_user_id, slot)
