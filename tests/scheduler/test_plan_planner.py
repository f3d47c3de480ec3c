"""The plan DMs in time: at a New York event, reps from Los Angeles, Kolkata and Chatham are asked
at 14:00 New York time on event day 1; the one reminder goes the next morning only to whoever has
not signed; nobody away is asked; a manager who has not answered is nudged a working day later."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.kinds import DeliveryKind
from bot.fakeslack import FakeSlack
from bot.services.actor import Actor
from bot.services.plans.signing import cosign_plan, submit_plan
from db.models import Delivery, DeliveryStatus, OutOfOffice, Person, Program, Role, Workspace
from scheduler.dispatcher import Dispatcher
from scheduler.planning import plan_all
from scheduler.plans.rep_plans import PlanPlanner, reminder_day
from tests.blockkit import assert_valid_blocks
from tests.coaching_world import World, build_world
from tests.databases import Database
from tests.factories import add_member, make_person
from tests.plans_support import BREAKOUT, GOOD

PLANNER = PlanPlanner()
ASKED = {"URANA": "America/Los_Angeles", "URARJ": "Asia/Kolkata", "URCHA": "Pacific/Chatham"}
AWAY = "URDAN"  # out of office for the whole event


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack) -> World:
    """The New York event, with a rep from Chatham too and one rep away."""
    with database.session_factory.begin() as session:
        world = build_world(session, fake_slack)
        program = session.get(Program, world.program_id)
        manager = session.get(Person, world.people["UMLA"])
        assert program is not None
        assert manager is not None
        fake_slack.add_user("URCHA", real_name="Rep Cha", tz="Pacific/Chatham")
        workspace = session.get(Workspace, world.workspace_id)
        assert workspace is not None
        chatham = make_person(session, workspace, "URCHA", tz="Pacific/Chatham", name="Rep Cha")
        add_member(session, program, chatham, Role.REP, manager=manager)
        session.add(OutOfOffice(person_id=world.people[AWAY], first_day=date(2027, 1, 11),
                                last_day=date(2027, 1, 13)))
        world.people["URCHA"] = chatham.id
    return world


def planned(session: Session, kind: DeliveryKind) -> dict[str, Delivery]:
    """The deliveries of `kind` still to send or sent, by recipient."""
    rows = session.scalars(select(Delivery).where(
        Delivery.kind == kind, Delivery.status != DeliveryStatus.CANCELLED))
    return {row.channel: row for row in rows}


def sign(session: Session, rep: str, world: World, now: datetime) -> None:
    """The rep signs a plan."""
    submit_plan(session=session, program_id=world.program_id, actor=Actor(rep),
                values=GOOD, now=now)


def test_reps_everywhere_are_asked_at_14_00_new_york_time_on_day_1(
    database: Database, dispatcher: Dispatcher, fake_slack: FakeSlack, world: World,
) -> None:
    with database.session_factory.begin() as session:
        plan_all(session, [PLANNER], now=BREAKOUT - timedelta(hours=10))
        invites = planned(session, DeliveryKind.PLAN_INVITE)
    assert {invites[rep].due_at for rep in ASKED} == {BREAKOUT}
    assert AWAY not in invites
    assert len(invites) == 10  # the ten reps and the one from Chatham, less the one away
    dispatcher.tick(now=BREAKOUT - timedelta(minutes=1))
    assert not fake_slack.calls_to("chat.postMessage")
    dispatcher.tick(now=BREAKOUT)
    for rep in ASKED:
        [invite] = [m for m in fake_slack.messages(fake_slack.dm_channel(rep))
                    if m["text"].endswith("write and sign your plan for the next 30 days.")]
        assert_valid_blocks(invite["blocks"])
        assert "What you will sign" in str(invite["blocks"])
    assert not fake_slack.messages(fake_slack.dm_channel(AWAY))


def test_the_one_reminder_goes_only_to_whoever_has_not_signed(
    database: Database, world: World,
) -> None:
    evening = datetime(2027, 1, 11, 22, 0, tzinfo=UTC)
    with database.session_factory.begin() as session:
        sign(session, "URANA", world, BREAKOUT)
        sign(session, "URBEN", world, BREAKOUT)
        ben = session.scalars(select(Delivery).where(
            Delivery.kind == DeliveryKind.PLAN_REVIEW, Delivery.text.startswith("Rep Ben"))).one()
        cosign_plan(session=session, plan_id=int(ben.key.split(":")[-1].split(".")[0]),
                    revision=1, actor=Actor("UMLA"), now=evening)
        plan_all(session, [PLANNER], now=evening)
        reminders = planned(session, DeliveryKind.PLAN_REMINDER)
    assert "URANA" not in reminders
    assert "URBEN" not in reminders
    assert AWAY not in reminders
    assert {"URCAI", "URARJ", "URCHA", "URLEN"} <= reminders.keys()
    manager_reminder = reminders["UMLA"].blocks
    assert manager_reminder is not None
    assert_valid_blocks(manager_reminder)
    assert "1 plan(s) await your co-signature" in str(manager_reminder)
    assert "*Rep Ana* · Q1 goal: $450k closed" in str(manager_reminder)
    new_york_9am = datetime(2027, 1, 12, 14, 0, tzinfo=UTC)
    assert reminders["URARJ"].due_at == new_york_9am  # day 2, lived in the event's zone
    assert reminders["UMLA"].due_at == new_york_9am
    # Chatham's Wednesday has begun by then: they are home, asked at 08:00 their time.
    assert reminders["URCHA"].due_at == datetime(2027, 1, 12, 18, 15, tzinfo=UTC)


def test_a_reminder_is_cancelled_once_the_rep_signs(database: Database, world: World) -> None:
    evening = datetime(2027, 1, 11, 22, 0, tzinfo=UTC)
    with database.session_factory.begin() as session:
        plan_all(session, [PLANNER], now=evening)
        assert "URCAI" in planned(session, DeliveryKind.PLAN_REMINDER)
        sign(session, "URCAI", world, evening)
        plan_all(session, [PLANNER], now=evening + timedelta(minutes=5))
        assert "URCAI" not in planned(session, DeliveryKind.PLAN_REMINDER)


def test_a_manager_who_has_not_answered_is_nudged_a_working_day_later(
    database: Database, world: World,
) -> None:
    with database.session_factory.begin() as session:
        sign(session, "URARJ", world, BREAKOUT)
        plan_all(session, [PLANNER], now=BREAKOUT + timedelta(hours=1))
        nudge = planned(session, DeliveryKind.PLAN_NUDGE)["UMDEL"]
    # A day after Arjun signed, Priya's Wednesday in Kolkata has begun: 08:00 there.
    assert nudge.due_at == datetime(2027, 1, 13, 2, 30, tzinfo=UTC)
    assert "Still waiting for you" in str(nudge.blocks)


def test_after_a_one_day_event_the_reminder_waits_for_the_next_working_morning(
    database: Database,
) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session, kickoff_date=date(2027, 1, 15), event_days=1)  # a Friday
        program = session.get_one(Program, world.program_id)
        assert reminder_day(program, program.kickoff_date) == date(2027, 1, 19)  # Mon 18: off
        plan_all(session, [PLANNER], now=datetime(2027, 1, 18, 12, 0, tzinfo=UTC))
        reminders = planned(session, DeliveryKind.PLAN_REMINDER)
    assert reminders["URANA"].due_at == datetime(2027, 1, 19, 17, 0, tzinfo=UTC)  # 09:00 LA
