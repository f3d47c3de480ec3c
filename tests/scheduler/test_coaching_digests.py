"""Coaching digests: one DM per manager on due, day-before and overdue working days, at 09:00
in the manager's own time zone, nothing while away; planned, then sent by the dispatcher."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.kinds import DeliveryKind
from bot.domain.local_time import end_of_local_day
from bot.fakeslack import FakeSlack
from bot.services.outbox import delivery_key
from db.models import (
    CoachingItem,
    Delivery,
    DeliveryStatus,
    LoggedStatus,
    OutOfOffice,
    Program,
    ProgramStatus,
)
from scheduler.dispatcher import Dispatcher
from scheduler.planning import plan_all
from scheduler.plans.coaching import CoachingDigestPlanner
from tests.blockkit import assert_valid_blocks
from tests.coaching_world import MANAGERS, World, build_world
from tests.databases import Database

PLANNER = CoachingDigestPlanner()
# Week 2 opens on Tuesday (Monday 18 January is a holiday); everything is due on Thursdays.
DIGEST_DAYS = [
    date(2027, 1, 19),
    date(2027, 1, 20),
    date(2027, 1, 22),
    date(2027, 1, 25),
    date(2027, 1, 27),
    date(2027, 1, 29),
    date(2027, 2, 1),
    date(2027, 2, 3),
    date(2027, 2, 5),
]
BERLIN_AWAY = (date(2027, 1, 27), date(2027, 1, 29))


def sweep(session: Session, first: datetime, last: datetime) -> None:
    """Plan as the dispatcher does, every six hours from `first` to `last`."""
    now = first
    while now <= last:
        plan_all(session, [PLANNER], now=now)
        now += timedelta(hours=6)


def digests(session: Session) -> list[Delivery]:
    """Every digest row that is still to be sent or was."""
    return list(
        session.scalars(
            select(Delivery)
            .where(Delivery.kind == DeliveryKind.COACHING_DIGEST,
                   Delivery.status != DeliveryStatus.CANCELLED)
            .order_by(Delivery.due_at)
        )
    )


@pytest.fixture
def world(database: Database) -> World:
    """The program; Hannah (Berlin) is away Wednesday to Friday of week 3."""
    with database.session_factory.begin() as session:
        built = build_world(session)
        session.add(
            OutOfOffice(
                person_id=built.people["UMBER"], first_day=BERLIN_AWAY[0], last_day=BERLIN_AWAY[1]
            )
        )
        return built


def test_each_manager_gets_one_digest_on_each_due_or_overdue_working_day_at_nine_local(
    database: Database, world: World
) -> None:
    with database.session_factory.begin() as session:
        sweep(session, datetime(2027, 1, 10, tzinfo=UTC), datetime(2027, 2, 12, tzinfo=UTC))
        rows = digests(session)
        assert len(list(session.scalars(select(CoachingItem)))) == 60
    by_manager: dict[int, list[Delivery]] = defaultdict(list)
    for row in rows:
        by_manager[row.person_id or 0].append(row)
    for slack_id, (_, tz) in MANAGERS.items():
        days = [
            d
            for d in DIGEST_DAYS
            if slack_id != "UMBER" or not BERLIN_AWAY[0] <= d <= BERLIN_AWAY[1]
        ]
        mine = by_manager[world.people[slack_id]]
        assert [row.due_at for row in mine] == [
            datetime.combine(day, time(9), ZoneInfo(tz)).astimezone(UTC) for day in days
        ]
        assert [row.window_end for row in mine] == [end_of_local_day(d, tz) for d in days]
        assert {row.channel for row in mine} == {slack_id}
        assert [row.key for row in mine] == [
            delivery_key(DeliveryKind.COACHING_DIGEST, world.program_id, world.people[slack_id],
                         d.isoformat())
            for d in days
        ]
    assert len(rows) == 9 * 3 - 2


def test_what_each_digest_lists(database: Database, world: World) -> None:
    with database.session_factory.begin() as session:
        sweep(session, datetime(2027, 1, 10, tzinfo=UTC), datetime(2027, 2, 12, tzinfo=UTC))
        marcus = [row for row in digests(session) if row.channel == "UMLA"]
    for row in marcus:
        assert row.blocks is not None
        assert_valid_blocks(row.blocks)
    tuesday, wednesday, friday = marcus[0], marcus[1], marcus[2]
    assert tuesday.text == "Coaching for Tue 19 Jan: 8 due this week"
    assert wednesday.text == "Coaching for Wed 20 Jan: 8 due next"
    assert friday.text == "Coaching for Fri 22 Jan: 8 overdue"
    buttons = [b["accessory"]["text"]["text"] for b in tuesday.blocks or [] if "accessory" in b]
    assert buttons == ["Log"] * 8
    assert "*Rep Ana* · call review (60 min) · week 2 · due Thu 21 Jan" in str(tuesday.blocks)
    assert marcus[3].text == "Coaching for Mon 25 Jan: 8 due this week"  # week 2's are missed now


def test_logged_sessions_leave_the_digests_and_an_empty_day_sends_nothing(
    database: Database, world: World
) -> None:
    with database.session_factory.begin() as session:
        sweep(session, datetime(2027, 1, 18, tzinfo=UTC), datetime(2027, 1, 19, 12, tzinfo=UTC))
        wednesday = digests(session)[-1]
        assert (wednesday.channel, wednesday.due_at.date()) == ("UMLA", date(2027, 1, 20))
        for item in session.scalars(
            select(CoachingItem).where(
                CoachingItem.manager_id == world.people["UMLA"],
                CoachingItem.week == 2,
            )
        ):
            item.status = LoggedStatus.DONE
        session.flush()
        sweep(session, datetime(2027, 1, 19, 18, tzinfo=UTC), datetime(2027, 1, 23, tzinfo=UTC))
        session.refresh(wednesday)
        marcus = [row.due_at.date() for row in digests(session) if row.channel == "UMLA"]
    assert wednesday.status is DeliveryStatus.CANCELLED
    assert marcus == []  # Tuesday's and Wednesday's (unsent) are cancelled, no Friday one


def test_a_paused_program_plans_nothing(database: Database, world: World) -> None:
    with database.session_factory.begin() as session:
        program = session.get_one(Program, world.program_id)
        program.status = ProgramStatus.PAUSED
        sweep(session, datetime(2027, 1, 18, tzinfo=UTC), datetime(2027, 1, 23, tzinfo=UTC))
        assert digests(session) == []


def test_the_dispatcher_sends_each_manager_one_digest_a_day(
    database: Database, fake_slack: FakeSlack, dispatcher: Dispatcher
) -> None:
    with database.session_factory.begin() as session:
        build_world(session, fake_slack)
    dispatcher.tick(now=datetime(2027, 1, 19, 2, tzinfo=UTC))  # before 09:00 anywhere
    assert _digest_posts(fake_slack) == []
    dispatcher.tick(now=datetime(2027, 1, 19, 17, 1, tzinfo=UTC))  # 09:01 in Los Angeles
    dispatcher.tick(now=datetime(2027, 1, 19, 20, tzinfo=UTC))
    first_day = _digest_posts(fake_slack)
    assert sorted(channel for channel, _ in first_day) == sorted(MANAGERS)
    assert {text for _, text in first_day} == {
        "Coaching for Tue 19 Jan: 8 due this week",
        "Coaching for Tue 19 Jan: 6 due this week",
    }
    dispatcher.tick(now=datetime(2027, 1, 20, 17, 1, tzinfo=UTC))
    assert len(_digest_posts(fake_slack)) == 6
    dm = fake_slack.messages(fake_slack.dm_channel("UMLA"))
    assert [m["text"] for m in dm if m["text"].startswith("Coaching")] == [
        "Coaching for Tue 19 Jan: 8 due this week",
        "Coaching for Wed 20 Jan: 8 due next",
    ]


def _digest_posts(fake: FakeSlack) -> list[tuple[str, str]]:
    """(channel, text) of every digest posted so far."""
    return [
        (str(call.params["channel"]), str(call.params["text"]))
        for call in fake.calls_to("chat.postMessage")
        if str(call.params.get("text", "")).startswith("Coaching for")
    ]
