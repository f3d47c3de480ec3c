"""`user_change` events through signed requests: people leaving, moving, renamed; events once."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from slack_sdk import WebClient
from sqlalchemy import func, select

from bot.fakeslack import FakeSlack, SignedSender
from db.models import Delivery, DeliveryStatus, Person, ProcessedEvent, Role
from scheduler.planning import plan_all
from tests.databases import Database
from tests.factories import add_member, make_person, make_program, make_workspace
from tests.scheduler.planners import NineOClockPlanner

NOW = datetime(2027, 1, 11, 0, 0, tzinfo=UTC)  # a Monday


@pytest.fixture
def team(database: Database, fake_slack: FakeSlack) -> None:
    """Ana and Ben, reps in Berlin, with their 09:00 messages of Monday and Tuesday planned."""
    with database.session_factory.begin() as session:
        workspace = make_workspace(session)
        program = make_program(session, workspace)
        for slack_id, name in (("UANA", "Ana"), ("UBEN", "Ben")):
            fake_slack.add_user(slack_id, real_name=name, email=f"{name.lower()}@example.com",
                                tz="Europe/Berlin")
            person = make_person(session, workspace, slack_id, tz="Europe/Berlin", name=name)
            add_member(session, program, person, Role.REP)
        plan_all(session, [NineOClockPlanner()], now=NOW)


def changed(fake: FakeSlack, client: WebClient, user_id: str, **fields: Any) -> dict[str, Any]:
    """Change a member in the fake and return the `user_change` event Slack would send."""
    fake.update_user(user_id, **fields)
    return {"type": "user_change", "user": client.users_info(user=user_id)["user"]}


def person(database: Database, slack_id: str) -> Person:
    """The person with that Slack id, as stored now."""
    with database.session_factory() as session:
        return session.scalars(select(Person).where(Person.slack_user_id == slack_id)).one()


def rows_of(database: Database, slack_id: str) -> list[Delivery]:
    """The person's outbox rows, by due time."""
    with database.session_factory() as session:
        query = select(Delivery).where(Delivery.channel == slack_id).order_by(Delivery.due_at)
        return list(session.scalars(query))


@pytest.mark.usefixtures("team")
def test_a_deleted_user_is_deactivated_and_their_messages_cancelled(
    slack: SignedSender, fake_slack: FakeSlack, slack_client: WebClient, database: Database
) -> None:
    response = slack.event(changed(fake_slack, slack_client, "UANA", deleted=True))

    assert response.status == 200
    fake_slack.wait_for(lambda: not person(database, "UANA").active)
    fake_slack.wait_for(lambda: {r.status for r in rows_of(database, "UANA")} == {
        DeliveryStatus.CANCELLED
    })
    assert {row.error for row in rows_of(database, "UANA")} == {"deactivated"}
    assert {row.status for row in rows_of(database, "UBEN")} == {DeliveryStatus.PLANNED}


@pytest.mark.usefixtures("team")
def test_a_new_time_zone_moves_the_next_messages_to_the_new_local_time(
    slack: SignedSender, fake_slack: FakeSlack, slack_client: WebClient, database: Database
) -> None:
    slack.event(changed(fake_slack, slack_client, "UANA", tz="America/New_York", real_name="Ana M"))
    fake_slack.wait_for(lambda: person(database, "UANA").timezone == "America/New_York")
    assert person(database, "UANA").name == "Ana M"

    with database.session_factory.begin() as session:
        plan_all(session, [NineOClockPlanner()], now=NOW)

    due = [row.due_at for row in rows_of(database, "UANA")]
    assert due == [datetime(2027, 1, d, 14, 0, tzinfo=UTC) for d in (11, 12)]  # 09:00 New York


@pytest.mark.usefixtures("team")
def test_a_re_sent_event_is_handled_once(
    slack: SignedSender, fake_slack: FakeSlack, slack_client: WebClient, database: Database,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="bot.events_once")
    first = slack.event(changed(fake_slack, slack_client, "UANA", real_name="Ana One"),
                        event_id="Ev0ONCE")
    fake_slack.wait_for(lambda: person(database, "UANA").name == "Ana One")

    # Slack's retry carries the same event_id; a different name shows whether it was applied.
    retry = slack.event(changed(fake_slack, slack_client, "UANA", real_name="Ana Twice"),
                        event_id="Ev0ONCE", retry_num=1)
    slack.event(changed(fake_slack, slack_client, "UBEN", real_name="Ben Next"))
    fake_slack.wait_for(lambda: person(database, "UBEN").name == "Ben Next")

    assert (first.status, retry.status) == (200, 200)
    assert person(database, "UANA").name == "Ana One"
    assert "event Ev0ONCE already handled; Slack's re-send (retry 1) acknowledged" in caplog.text
    with database.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(ProcessedEvent)) == 2


@pytest.mark.usefixtures("team")
def test_event_ids_older_than_a_day_are_forgotten(
    slack: SignedSender, fake_slack: FakeSlack, slack_client: WebClient, database: Database
) -> None:
    with database.session_factory.begin() as session:
        session.add(ProcessedEvent(event_id="Ev0OLD",
                                   received_at=fake_slack.clock.now() - timedelta(days=2)))

    slack.event(changed(fake_slack, slack_client, "UANA", real_name="Ana New"))
    fake_slack.wait_for(lambda: person(database, "UANA").name == "Ana New")

    with database.session_factory() as session:
        assert "Ev0OLD" not in session.scalars(select(ProcessedEvent.event_id)).all()
