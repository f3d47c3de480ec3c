"""Welcoming people who join a program after its launch (a roster import, a channel sync, an App
Home upload): launch's own welcome, once per program and person, in the person's working window
(bot/services/availability.py: the program's hours, their zone, their days out of office).

The welcome's outbox key is launch's, so someone welcomed at launch, or by an earlier import, is
never welcomed again: a re-import, a second sync or two imports racing each other insert nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from bot.domain.lifecycle import FROM_LAUNCH, phase
from bot.services.launch import welcome_envelopes
from bot.services.outbox import queue
from db.models import Membership, Program


def welcome_newcomers(
    *, session: Session, program: Program, newcomers: Sequence[Membership], now: datetime
) -> int:
    """Queue the welcome of each newcomer to a launched program (pre-event or active), due at
    the start of their next working window; returns how many were new."""
    if phase(program, now) not in FROM_LAUNCH:
        return 0  # a draft is welcomed at launch; a program past its 30 days welcomes no one
    members = [m for m in newcomers if m.active and m.person.active]
    return queue(session, welcome_envelopes(session, program, members, now), now=now)
