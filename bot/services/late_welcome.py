"""Welcoming people who join a program after its launch (a roster import, a channel sync, an App
Home upload): launch's own welcome, once per program and person, in the person's working hours.

The welcome's outbox key is launch's, so someone welcomed at launch, or by an earlier import, is
never welcomed again: a re-import, a second sync or two imports racing each other insert nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from bot.domain.lifecycle import FROM_LAUNCH, phase
from bot.domain.local_time import end_of_local_day, local_date
from bot.services.availability import load_absences
from bot.services.launch import LOOK_AHEAD, welcome_envelope
from bot.services.outbox import Envelope, queue
from bot.services.surveys.schedule import reachable_from
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
        due = reachable_from(program, member, absences, earliest=now, latest=now + LOOK_AHEAD)
        if due is None:
            continue  # away for the whole look-ahead: nothing to welcome them into yet
        # The end of their day, not a fixed span: a welcome held up is not sent in the small hours.
        window_end = end_of_local_day(local_date(due, member.person.timezone),
                                      member.person.timezone)
        envelopes.append(welcome_envelope(program, member, due=due, window_end=window_end))
    return queue(session, envelopes, now=now)
