"""Blocker DMs through the real app reach people in their working window: a Kolkata rep's blocker
typed at 23:50 reaches his Kolkata manager at 08:00 on the next working day, one at 10:00 at once,
the "resolved" notice in the rep's own window, and a manager out of office when they are back.

The standup days start Friday 12 March 2027 (tests/standup_world.py); Kolkata is UTC+05:30.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import ActionId
from bot.services.out_of_office import set_out_of_office
from db.models import Person
from scheduler.dispatcher import Dispatcher
from tests.databases import Database
from tests.handlers.standup_slack import click, last_dm, open_modal, submit
from tests.standup_world import add_slack_people, build_world, utc

PROMPT_AT = utc(2027, 3, 12, 3, 30)  # Fri 09:00 in Kolkata: Arjun's Day 1 prompt
FRIDAY_10 = utc(2027, 3, 12, 4, 30)  # 10:00 in Kolkata
LATE_FRIDAY = utc(2027, 3, 12, 18, 20)  # 23:50 in Kolkata
MONDAY_8 = utc(2027, 3, 15, 2, 30)  # 08:00 in Kolkata, the next working day
BLOCKER = "Pricing approval stuck"
ONE_MINUTE = timedelta(minutes=1)


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack, dispatcher: Dispatcher) -> None:
    """The program and its people; Arjun (Kolkata) has his Day 1 prompt."""
    add_slack_people(fake_slack)
    with database.session_factory.begin() as session:
        build_world(session)
    dispatcher.tick(now=PROMPT_AT)


def raise_blocker(slack: SignedSender, when: datetime) -> None:
    """Arjun answers Day 1 with a blocker, in the modal, at `when` (saved once his prompt DM
    says so)."""
    view = open_modal(slack, "UKOL", last_dm(slack.fake, "UKOL"), when=when)
    assert submit(slack, "UKOL", view, when=when, blocker=BLOCKER).status == 200
    slack.fake.wait_for(lambda: "answered, thank you" in last_dm(slack.fake, "UKOL")["text"])


def blocker_dms(fake: FakeSlack, user: str = "UMGRA") -> list[dict[str, Any]]:
    """The blocker DMs `user` (Priya, Arjun's manager in Kolkata, by default) has received."""
    return [m for m in fake.messages(fake.dm_channel(user)) if BLOCKER in str(m["blocks"])]


@pytest.mark.usefixtures("world")
def test_a_blocker_at_2350_reaches_the_manager_at_the_start_of_her_next_window(
    slack: SignedSender, fake_slack: FakeSlack, dispatcher: Dispatcher
) -> None:
    raise_blocker(slack, LATE_FRIDAY)
    dispatcher.tick(now=LATE_FRIDAY + ONE_MINUTE)
    dispatcher.tick(now=utc(2027, 3, 15, 2, 29))  # 07:59 on Monday in Kolkata
    assert blocker_dms(fake_slack) == []
    dispatcher.tick(now=MONDAY_8)
    assert len(blocker_dms(fake_slack)) == 1


@pytest.mark.usefixtures("world")
def test_a_blocker_at_10_arrives_at_once(
    slack: SignedSender, fake_slack: FakeSlack, dispatcher: Dispatcher
) -> None:
    raise_blocker(slack, FRIDAY_10)
    dispatcher.tick(now=FRIDAY_10 + ONE_MINUTE)  # the app's clock ran on while it saved
    assert len(blocker_dms(fake_slack)) == 1


@pytest.mark.usefixtures("world")
def test_the_resolved_notice_follows_the_reps_window(
    slack: SignedSender, fake_slack: FakeSlack, dispatcher: Dispatcher
) -> None:
    raise_blocker(slack, FRIDAY_10)
    dispatcher.tick(now=FRIDAY_10 + ONE_MINUTE)
    (dm,) = blocker_dms(fake_slack)
    sunday_night = utc(2027, 3, 14, 18)  # 23:30 on Sunday in Kolkata
    click(slack, "UMGRA", dm, ActionId.STANDUP_RESOLVE, when=sunday_night)
    dispatcher.tick(now=sunday_night + ONE_MINUTE)
    told = [m for m in fake_slack.messages(fake_slack.dm_channel("UKOL"))
            if "marked your blocker" in m["text"]]
    assert told == []
    dispatcher.tick(now=MONDAY_8)
    told = [m for m in fake_slack.messages(fake_slack.dm_channel("UKOL"))
            if "marked your blocker" in m["text"]]
    assert len(told) == 1


@pytest.mark.usefixtures("world")
def test_a_manager_out_of_office_gets_the_blocker_when_she_is_back(
    slack: SignedSender, fake_slack: FakeSlack, dispatcher: Dispatcher, database: Database
) -> None:
    with database.session_factory.begin() as session:
        priya = session.scalars(select(Person).where(Person.slack_user_id == "UMGRA")).one()
        set_out_of_office(session=session, person=priya, first_day=date(2027, 3, 12),
                          last_day=date(2027, 3, 15), now=PROMPT_AT)
    raise_blocker(slack, FRIDAY_10)
    dispatcher.tick(now=FRIDAY_10 + ONE_MINUTE)
    dispatcher.tick(now=MONDAY_8)  # still away on Monday
    assert blocker_dms(fake_slack) == []
    dispatcher.tick(now=utc(2027, 3, 16, 2, 30))  # Tuesday 08:00 in Kolkata: back
    assert len(blocker_dms(fake_slack)) == 1
