"""A standup turn: someone acting on a rep's Day N of a program at an instant; the values a
button, a modal or a command hands to the standup services, travelling as one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class StandupTurn:
    """`actor_user_id` acts on `rep_user_id`'s Day `number` of a program at `now` (only the
    rep may: standups/policy.py)."""

    program_id: int
    rep_user_id: str
    actor_user_id: str
    number: int
    now: datetime
