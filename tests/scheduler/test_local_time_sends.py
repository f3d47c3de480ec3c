"""Each person gets a 09:00 item at their own 09:00 (daylight saving too), only when available,
and work due while the bot was down goes out if its window is still open, else is expired."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from slack_sdk import WebClient
from sqlalchemy import select

from bot.fakeslack import FakeSlack
from db.models import Delivery, DeliveryStatus, OutOfOffice, Person, Role
from scheduler.dispatcher import Dispatcher
from tests.conftest import FAST
from tests.databases import Database
from tests.factories import add_member, make_person, make_program, make_workspace
from tests.scheduler.planners import NineOClockPlanner

ZONES = {
    "ULA": "America/Los_Angeles",
    "UBER": "Europe/Berlin",
    "UKOL": "Asia/Kolkata",
    "USYD": "Australia/Sydney",
    "UCHA": "Pacific/Chatham",
}
# The US moves to daylight time on Sun 14 March 2027, the EU on Sun 28 March 2027.
FIRST, LAST = date(2027, 3, 8), date(2027, 3, 31)
HOLIDAY = date(2027, 3, 19)
AWAY = ("UBER", date(2027, 3, 29), date(2027, 3, 30))


@pytest.fixture
def nine_oclock(
    database: Database, fake_slack: FakeSlack, slack_client: WebClient
) -> Iterator[Dispatcher]:
    """Five people in five zones in one program with a holiday; one is away two days."""
    with database.session_factory.begin() as session:
        workspace = make_workspace(session)
        program = make_program(session, workspace, holidays=[HOLIDAY.isoformat()])
        for user_id, zone in ZONES.items():
            fake_slack.add_user(user_id, name=user_id.lower(), tz=zone)
            person = make_person(session, workspace, user_id, tz=zone)
            add_member(session, program, person, Role.REP)
            if user_id == AWAY[0]:
                session.add(OutOfOffice(person_id=person.id, first_day=AWAY[1], last_day=AWAY[2]))
    dispatcher = Dispatcher(
        session_factory=database.session_factory,
        client=slack_client,
        planners=[NineOClockPlanner()],
        config=FAST,
    )
    yield dispatcher
    dispatcher.close()


def expected_days(user_id: str) -> list[date]:
    """Working days of the period, minus the holiday and the person's days away."""
    days = [FIRST + timedelta(days=n) for n in range((LAST - FIRST).days + 1)]
    away = {AWAY[1] + timedelta(days=n) for n in range((AWAY[2] - AWAY[1]).days + 1)}
    return [
        day
        for day in days
        if day.isoweekday() <= 5 and day != HOLIDAY and not (user_id == AWAY[0] and day in away)
    ]


def sent_to(database: Database, user_id: str) -> list[Delivery]:
    """The rows sent to one person, oldest first."""
    with database.session_factory() as session:
        query = (
            select(Delivery)
            .join(Person, Delivery.person_id == Person.id)
            .where(Person.slack_user_id == user_id, Delivery.status == DeliveryStatus.SENT)
            .order_by(Delivery.sent_at)
        )
        return list(session.scalars(query))


def test_everyone_gets_it_at_their_own_nine_across_both_dst_switches(
    nine_oclock: Dispatcher, database: Database
) -> None:
    nines = sorted(
        (datetime.combine(day, time(9), ZoneInfo(zone)).astimezone(UTC), user_id)
        for user_id, zone in ZONES.items()
        for day in expected_days(user_id)
    )
    for instant, user_id in nines:
        before = len(sent_to(database, user_id))
        nine_oclock.tick(now=instant - timedelta(minutes=1))
        assert len(sent_to(database, user_id)) == before, f"{user_id} early at {instant}"
        nine_oclock.tick(now=instant)
        assert len(sent_to(database, user_id)) == before + 1, f"{user_id} not sent at {instant}"
    for user_id, zone in ZONES.items():
        local = [
            row.sent_at.astimezone(ZoneInfo(zone))
            for row in sent_to(database, user_id)
            if row.sent_at
        ]
        assert [moment.date() for moment in local] == expected_days(user_id)
        assert all(time(9) <= moment.time() < time(9, 1) for moment in local)


def test_work_due_while_down_goes_out_while_its_window_is_open(
    nine_oclock: Dispatcher, database: Database
) -> None:
    berlin = ZoneInfo(ZONES["UBER"])
    nine_oclock.tick(now=datetime(2027, 3, 9, 8, tzinfo=berlin))  # planned, then down from 08:00
    nine_oclock.tick(now=datetime(2027, 3, 9, 9, 40, tzinfo=berlin))
    assert [row.due_at.astimezone(berlin).date() for row in sent_to(database, "UBER")] == [
        date(2027, 3, 9)
    ]


def test_work_whose_window_closed_while_down_is_expired_not_sent(
    nine_oclock: Dispatcher, database: Database, fake_slack: FakeSlack
) -> None:
    berlin = ZoneInfo(ZONES["UBER"])
    nine_oclock.tick(now=datetime(2027, 3, 9, 8, tzinfo=berlin))
    nine_oclock.tick(now=datetime(2027, 3, 9, 11, 30, tzinfo=berlin))
    assert sent_to(database, "UBER") == []
    assert fake_slack.calls_to("chat.postMessage") == [] or all(
        call.params["channel"] != "UBER" for call in fake_slack.calls_to("chat.postMessage")
    )
    with database.session_factory() as session:
        statuses = session.scalars(
            select(Delivery.status)
            .join(Person, Delivery.person_id == Person.id)
            .where(
                Person.slack_user_id == "UBER",
                Delivery.due_at == datetime(2027, 3, 9, 9, tzinfo=berlin),
            )
        ).all()
    assert statuses == [DeliveryStatus.EXPIRED]


def test_a_first_start_after_the_window_records_it_as_expired(
    nine_oclock: Dispatcher, database: Database
) -> None:
    berlin = ZoneInfo(ZONES["UBER"])
    nine_oclock.tick(now=datetime(2027, 3, 9, 11, 30, tzinfo=berlin))  # never planned before
    with database.session_factory() as session:
        status = session.scalar(
            select(Delivery.status)
            .join(Person, Delivery.person_id == Person.id)
            .where(
                Person.slack_user_id == "UBER",
                Delivery.due_at == datetime(2027, 3, 9, 9, tzinfo=berlin),
            )
        )
    assert status is DeliveryStatus.EXPIRED
    assert sent_to(database, "UBER") == []
