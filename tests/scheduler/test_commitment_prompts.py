"""The commitment DM: at the event's close, event day 2 at 16:00 in the program's zone (16:30 on
day 1 of a one-day event), to every manager coaching reps whatever their own zone; someone out
of office gets it in their next working window instead."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.kinds import DeliveryKind
from bot.domain.local_time import at_local
from bot.ids import ActionId
from db.models import Delivery, OutOfOffice
from scheduler.planning import plan_all
from scheduler.plans.commitments import CommitmentPlanner
from tests.blockkit import assert_valid_blocks
from tests.coaching_world import KICKOFF, MANAGERS, build_world
from tests.databases import Database

PLANNER = CommitmentPlanner()


def sweep(session: Session, first: datetime, last: datetime) -> list[Delivery]:
    """Plan as the dispatcher does, every hour from `first` to `last`; the prompts planned."""
    now = first
    while now <= last:
        plan_all(session, [PLANNER], now=now)
        now += timedelta(hours=1)
    return list(session.scalars(select(Delivery).where(
        Delivery.kind == DeliveryKind.COMMITMENT_PROMPT).order_by(Delivery.channel)))


@pytest.mark.parametrize(("event_days", "day", "at"), [
    (2, KICKOFF + timedelta(days=1), time(16, 0)),
    (1, KICKOFF, time(16, 30)),
])
def test_every_manager_is_asked_at_the_close_in_the_programs_zone(
    database: Database, event_days: int, day: date, at: time
) -> None:
    with database.session_factory.begin() as session:
        build_world(session, event_days=event_days)  # a New York event
        rows = sweep(session, datetime(2027, 1, 10, tzinfo=UTC), datetime(2027, 1, 16, tzinfo=UTC))
    close = at_local(day, at, "America/New_York")
    assert {row.channel for row in rows} == set(MANAGERS)  # Los Angeles, Berlin, Kolkata
    assert [row.due_at for row in rows] == [close] * 3
    for row in rows:
        assert row.blocks is not None
        assert_valid_blocks(row.blocks)
        assert ActionId.COMMITMENT_OPEN in str(row.blocks)


def test_a_manager_out_of_office_is_asked_when_back(database: Database) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        session.add(OutOfOffice(person_id=world.people["UMDEL"], first_day=KICKOFF,
                                last_day=KICKOFF + timedelta(days=1)))
        rows = sweep(session, datetime(2027, 1, 10, tzinfo=UTC), datetime(2027, 1, 16, tzinfo=UTC))
    due = {row.channel: row.due_at for row in rows}
    assert due["UMLA"] == due["UMBER"] == at_local(date(2027, 1, 12), time(16), "America/New_York")
    # Priya is back on Wednesday 13 January, at the start of her own working day in Kolkata.
    assert due["UMDEL"] == at_local(date(2027, 1, 13), time(8), "Asia/Kolkata")
