"""Launch, pause, resume and end from the admin's home: one welcome per member, through the
outbox, saying what the 30 days hold for their role; a second click changes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from bot.domain.kinds import DeliveryKind
from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import ActionId
from db.models import Delivery, DeliveryStatus, ProgramStatus
from scheduler.dispatcher import Dispatcher
from tests.databases import Database
from tests.home_world import (
    ADMIN,
    MANAGER,
    HomeWorld,
    action_ids,
    build_home_world,
    next_home,
    program_of,
)


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack) -> HomeWorld:
    """A draft program with seven members."""
    with database.session_factory.begin() as session:
        return build_home_world(session, fake_slack, status=ProgramStatus.DRAFT)


def click(slack: SignedSender, action: ActionId, world: HomeWorld, times: int = 1) -> None:
    """The admin clicks a program button in their home `times` times; waits for each answer."""
    fake = slack.fake
    for _ in range(times):
        before = len(fake.calls_to("views.publish"))
        slack.action(user_id=ADMIN, action_id=action, value=str(world.program_id),
                     view={"id": "VHOME", "type": "home"})
        next_home(fake, ADMIN, before)


def welcomes(database: Database) -> list[Delivery]:
    """Welcome deliveries in the outbox."""
    with database.session_factory() as session:
        return list(session.scalars(select(Delivery).where(Delivery.kind == DeliveryKind.WELCOME)))


def welcome_dms(fake: FakeSlack, user_id: str) -> list[dict[str, Any]]:
    """The welcome DMs the user got (other DMs the planners send are left out)."""
    return [m for m in fake.messages(fake.dm_channel(user_id)) if " is live" in m["text"]]


def test_launch_clicked_twice_welcomes_each_member_once(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, world: HomeWorld,
    dispatcher: Dispatcher,
) -> None:
    click(slack, ActionId.PROGRAM_LAUNCH, world, times=2)
    queued = welcomes(database)
    members = [person for person in world.people if person not in (ADMIN, "UHOUT")]
    assert sorted(d.channel for d in queued) == sorted(members)
    with database.session_factory() as session:
        assert program_of(session, world).status is ProgramStatus.ACTIVE
    assert ActionId.PROGRAM_PAUSE in action_ids(fake_slack.home(ADMIN) or {})
    dispatcher.tick(now=dispatcher.clock.now())
    rep_dm, manager_dm = (welcome_dms(fake_slack, user) for user in (world.reps[0], MANAGER))
    assert len(rep_dm) == len(manager_dm) == 1
    assert "Week 1: a daily standup" in str(rep_dm[0]["blocks"])
    assert "with Marcus Reed" in str(rep_dm[0]["blocks"])
    assert "you own the coaching" in str(manager_dm[0]["blocks"])
    assert rep_dm[0]["text"] == "Q1 Kickoff is live: here is what the next 30 days hold for you."


def test_pause_stops_what_is_planned_and_resume_sends_it(
    slack: SignedSender, database: Database, world: HomeWorld
) -> None:
    click(slack, ActionId.PROGRAM_LAUNCH, world)
    click(slack, ActionId.PROGRAM_PAUSE, world, times=2)
    assert {d.status for d in welcomes(database)} == {DeliveryStatus.CANCELLED}
    click(slack, ActionId.PROGRAM_RESUME, world)
    assert {d.status for d in welcomes(database)} == {DeliveryStatus.PLANNED}
    click(slack, ActionId.PROGRAM_END, world)
    assert {d.status for d in welcomes(database)} == {DeliveryStatus.CANCELLED}
    with database.session_factory() as session:
        assert program_of(session, world).status is ProgramStatus.ENDED


def test_launch_checks_the_channels_after_the_ack_and_says_the_fix(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, world: HomeWorld
) -> None:
    fake_slack.add_channel("CAUDIT", "kickoff-audit", bot_is_member=False)
    before = len(fake_slack.messages(fake_slack.dm_channel(ADMIN)))

    answer = slack.action(user_id=ADMIN, action_id=ActionId.PROGRAM_LAUNCH,
                          value=str(world.program_id), view={"id": "VHOME", "type": "home"})
    fake_slack.wait_for(lambda: len(fake_slack.messages(fake_slack.dm_channel(ADMIN))) > before)

    assert answer.status == 200
    told = fake_slack.messages(fake_slack.dm_channel(ADMIN))[-1]["text"]
    assert told == ("kickoff-bot is not in #kickoff-audit: type /invite @kickoff-bot in "
                    "#kickoff-audit, then click Launch again. Nothing was changed.")
    assert welcomes(database) == []
    with database.session_factory() as session:
        assert program_of(session, world).status is ProgramStatus.DRAFT
