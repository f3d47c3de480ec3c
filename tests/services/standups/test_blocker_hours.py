"""Blocker DMs reach people in their working window: the program's hours (08:00-18:00 unless it
sets its own) in their time, on working days.

The program's standup days start Friday 12 March 2027; Kolkata is UTC+05:30, so 23:50 there on
Friday is 18:20 UTC, and 08:00 on Monday 15 March (the next working day) is 02:30 UTC.
"""

from __future__ import annotations

from datetime import datetime, time

import pytest
from sqlalchemy import select

from bot.domain.kinds import DeliveryKind
from bot.domain.standups.fields import Field
from bot.fakeslack import FakeSlack
from bot.services.actor import Actor
from bot.services.standups.answer import submit_answer
from bot.services.standups.resolve import resolve_blocker
from bot.services.standups.turn import StandupTurn
from db.models import StandupAnswer
from scheduler.dispatcher import Dispatcher
from tests.databases import Database
from tests.standup_world import World, add_slack_people, build_world, deliveries, utc

LATE_FRIDAY = utc(2027, 3, 12, 18, 20)  # 23:50 in Kolkata
MONDAY_8 = utc(2027, 3, 15, 2, 30)  # 08:00 in Kolkata
MONDAY_18 = utc(2027, 3, 15, 12, 30)  # 18:00 in Kolkata
FRIDAY_10 = utc(2027, 3, 12, 4, 30)  # 10:00 in Kolkata
BLOCKER = "Pricing approval stuck"


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack) -> World:
    """The standup program, stored, and its people in the fake Slack."""
    add_slack_people(fake_slack)
    with database.session_factory.begin() as session:
        return build_world(session)


def raise_blocker(database: Database, world: World, now: datetime) -> None:
    """Arjun (Kolkata) answers Day 1 with a blocker at `now`."""
    with database.session_factory.begin() as session:
        done = submit_answer(
            session=session,
            turn=StandupTurn(program_id=world.program_id, rep_user_id="UKOL",
                             actor_user_id="UKOL", number=1, now=now),
            opened_revision=0,
            raw={Field.ACTIVITY: "Call Acme", Field.WIN: "A win", Field.BLOCKER: BLOCKER},
        )
    assert not done.errors


def blocker_dms(fake: FakeSlack) -> list[str]:
    """The texts of the blocker DMs Priya (Kolkata, Arjun's manager) has received."""
    return [m["text"] for m in fake.messages(fake.dm_channel("UMGRA")) if BLOCKER in m["text"]]


def test_a_blocker_raised_at_night_reaches_the_manager_at_8_on_the_next_working_day(
    database: Database, world: World, fake_slack: FakeSlack, dispatcher: Dispatcher
) -> None:
    raise_blocker(database, world, LATE_FRIDAY)
    with database.session_factory() as session:
        (dm,) = deliveries(session, DeliveryKind.STANDUP_BLOCKER)
        assert (dm.due_at, dm.window_end) == (MONDAY_8, MONDAY_18)
    dispatcher.tick(now=LATE_FRIDAY)
    dispatcher.tick(now=utc(2027, 3, 15, 2, 29))  # 07:59 on Monday: not yet
    assert blocker_dms(fake_slack) == []
    dispatcher.tick(now=MONDAY_8)
    assert len(blocker_dms(fake_slack)) == 1


def test_a_blocker_raised_in_working_hours_goes_at_once(
    database: Database, world: World, fake_slack: FakeSlack, dispatcher: Dispatcher
) -> None:
    raise_blocker(database, world, FRIDAY_10)
    dispatcher.tick(now=FRIDAY_10)
    assert len(blocker_dms(fake_slack)) == 1


def test_the_resolved_notice_follows_the_reps_window(database: Database, world: World) -> None:
    raise_blocker(database, world, FRIDAY_10)
    late_sunday_in_kolkata = utc(2027, 3, 14, 18)  # 23:30 on Sunday for Arjun
    with database.session_factory.begin() as session:
        answer_id = session.scalars(select(StandupAnswer.id)).one()
        resolve_blocker(session=session, answer_id=answer_id,
                        actor=Actor(slack_user_id="UMGRA", is_kickoff_admin=False),
                        now=late_sunday_in_kolkata)
    with database.session_factory() as session:
        (told,) = deliveries(session, DeliveryKind.STANDUP_BLOCKER_RESOLVED)
    assert (told.channel, told.due_at) == ("UKOL", MONDAY_8)


def test_a_programs_own_working_hours_hold_the_dm(
    database: Database, fake_slack: FakeSlack, dispatcher: Dispatcher
) -> None:
    add_slack_people(fake_slack)
    with database.session_factory.begin() as session:
        world = build_world(session, work_start=time(9, 0), work_end=time(15, 0))
    raise_blocker(database, world, utc(2027, 3, 12, 10, 30))  # 16:00 on Friday in Kolkata
    with database.session_factory() as session:
        (dm,) = deliveries(session, DeliveryKind.STANDUP_BLOCKER)
    # Monday 09:00 to 15:00 in Kolkata, not 08:00 to 18:00.
    assert (dm.due_at, dm.window_end) == (utc(2027, 3, 15, 3, 30), utc(2027, 3, 15, 9, 30))
    dispatcher.tick(now=utc(2027, 3, 15, 3, 29))
    assert blocker_dms(fake_slack) == []
    dispatcher.tick(now=utc(2027, 3, 15, 3, 30))
    assert len(blocker_dms(fake_slack)) == 1
