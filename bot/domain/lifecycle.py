"""A program's phase at an instant, derived from its stored status and its dates (never stored,
so it cannot drift): draft -> pre-event -> active -> reinforcing -> ended; paused; archived.

Which delivery kinds each phase lets the dispatcher send is the registry's table
(`bot/features/lifecycle.py`).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from db.models import Program, ProgramStatus


class Phase(StrEnum):
    """Where a program is in its life at one instant."""

    DRAFT = "draft"  # set up, not launched: nothing is sent
    PRE_EVENT = "pre-event"  # launched, before the kickoff day
    ACTIVE = "active"  # the kickoff day to the read-out day, both included
    REINFORCING = "reinforcing"  # after the read-out: only kinds declared as living past day 30
    ENDED = "ended"
    PAUSED = "paused"
    ARCHIVED = "archived"  # drafts and tests put away


STORED = {
    ProgramStatus.DRAFT: Phase.DRAFT,
    ProgramStatus.PAUSED: Phase.PAUSED,
    ProgramStatus.ENDED: Phase.ENDED,
    ProgramStatus.ARCHIVED: Phase.ARCHIVED,
}


def phase(program: Program, now: datetime) -> Phase:
    """The phase of `program` at `now`; the days are the program's own (its time zone)."""
    stored = STORED.get(program.status)
    if stored is not None:
        return stored
    today = now.astimezone(ZoneInfo(program.timezone)).date()
    if today < program.kickoff_date:
        return Phase.PRE_EVENT
    if today <= program.kickoff_date + timedelta(days=program.readout_day):
        return Phase.ACTIVE
    return Phase.REINFORCING


# The phase sets features declare their delivery kinds with.
FROM_LAUNCH = frozenset({Phase.PRE_EVENT, Phase.ACTIVE})
DURING_THE_30_DAYS = frozenset({Phase.ACTIVE})
PAST_DAY_30 = frozenset({Phase.ACTIVE, Phase.REINFORCING})  # lives on after the read-out
WHENEVER_RUNNING = frozenset({Phase.PRE_EVENT, Phase.ACTIVE, Phase.REINFORCING})
