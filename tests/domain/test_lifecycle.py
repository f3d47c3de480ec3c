"""A program's phase, derived from its status and dates, in its own time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.domain.lifecycle import Phase, phase
from db.models import Program, ProgramStatus

KICKOFF = date(2027, 3, 8)  # readout_day 32: the read-out is on Friday 9 April


def program(status: ProgramStatus = ProgramStatus.ACTIVE) -> Program:
    return Program(kickoff_date=KICKOFF, readout_day=32, timezone="America/New_York",
                   status=status)


@pytest.mark.parametrize(("at", "expected"), [
    (datetime(2027, 2, 1, 12, tzinfo=UTC), Phase.PRE_EVENT),
    (datetime(2027, 3, 8, 4, 59, tzinfo=UTC), Phase.PRE_EVENT),  # 23:59 the day before, New York
    (datetime(2027, 3, 8, 5, 0, tzinfo=UTC), Phase.ACTIVE),  # kickoff day, 00:00 New York
    (datetime(2027, 4, 10, 3, 59, tzinfo=UTC), Phase.ACTIVE),  # read-out day, 23:59 New York
    (datetime(2027, 4, 10, 4, 0, tzinfo=UTC), Phase.REINFORCING),  # the day after the read-out
])
def test_a_launched_program_moves_through_its_phases_by_its_own_dates(
    at: datetime, expected: Phase
) -> None:
    assert phase(program(), at) is expected


@pytest.mark.parametrize(("status", "expected"), [
    (ProgramStatus.DRAFT, Phase.DRAFT),
    (ProgramStatus.PAUSED, Phase.PAUSED),
    (ProgramStatus.ENDED, Phase.ENDED),
    (ProgramStatus.ARCHIVED, Phase.ARCHIVED),
])
def test_a_stored_status_other_than_active_is_the_phase_whatever_the_date(
    status: ProgramStatus, expected: Phase
) -> None:
    assert phase(program(status), datetime(2027, 3, 10, 12, tzinfo=UTC)) is expected
