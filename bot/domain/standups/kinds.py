"""The outbox kinds of standup messages."""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    """The outbox kinds standups queue."""

    PROMPT = "standup_prompt"
    REMINDER = "standup_reminder"
    THREAD = "standup_thread"
    REPLY = "standup_reply"
    COUNT = "standup_count"
    BLOCKER = "standup_blocker"
    RESOLVED = "standup_blocker_resolved"
