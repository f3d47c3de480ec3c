"""Welcoming people who join a program after its launch (a roster import, a channel sync, an App
Home upload): launch's own welcome, once per program and person, in the person's working window
(bot/services/availability.py: the program's hours, their zone, their days out of office).

The welcome's outbox key is launch's, so someone welcomed at launch, or by an earlier import, is
never welcomed again: a re-import, a second sync or two imports racing each other insert nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from bot.domain.lifecycle import FROM_LAUNCH, phase
from bot.services.availability import LOOK_AHEAD, load_absences, reachable_from
from bot.services.launch import welcome_envelope
from bot.services.outbox import Envelope, queue
from db.models import Membership, Program


def welcome_newcomers(
    *, session: Session, program: Program, newcomers: Sequence[Membership], now: datetime
) -> int:
    """Queue the welcome of each newcomer to a launched program (pre-event or active), due at
    the start of their next working hours; returns how many were new."""
    if phase(program, now) not in FROM_LAUNCH:
        return 0  # a draft is welcomed at launch; a program past its 30 days welcomes no one
    members = [m for m in newcomers if m.active and m.person.active]
    absences = load_absences(
        session=session, person_ids=[m.person_id for m in members],
        first=(now - timedelta(days=1)).date(), last=(now + LOOK_AHEAD).date(),
    )
    envelopes: list[Envelope] = []
    for member in members:
        window = reachable_from(program, member.person, absences, earliest=now,
                                latest=now + LOOK_AHEAD)
        if window is None:
            continue  # away for the whole look-ahead: nothing to welcome them into yet
        # The end of their working window, not a fixed span: a welcome held up by pacing is not
        # sent in their evening.
        envelopes.append(welcome_envelope(program, member, due=window.due, window_end=window.end))
    return queue(session, envelopes, now=now)
