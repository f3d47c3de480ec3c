"""The dispatcher sends each due row once, at the recipient's own time, and records it."""

from __future__ import annotations

from datetime import UTC, datetime

from slack_sdk import WebClient
from sqlalchemy import select

from bot.fakeslack import FakeSlack
from db.models import Delivery, DeliveryStatus, Role
from scheduler.dispatcher import Dispatcher
from tests.conftest import FAST
from tests.databases import Database
from tests.factories import add_member, make_person, make_program, make_workspace
from tests.scheduler.planners import NineOClockPlanner


def test_a_due_dm_is_sent_once_and_recorded(
    database: Database, fake_slack: FakeSlack, slack_client: WebClient
) -> None:
    fake_slack.add_user("U1", name="ana", tz="Europe/Berlin")
    with database.session_factory.begin() as session:
        workspace = make_workspace(session)
        program = make_program(session, workspace)
        add_member(
            session, program, make_person(session, workspace, "U1", tz="Europe/Berlin"), Role.REP
        )
    dispatcher = Dispatcher(
        session_factory=database.session_factory,
        client=slack_client,
        planners=[NineOClockPlanner()],
        config=FAST,
    )
    try:
        early = dispatcher.tick(now=datetime(2027, 1, 12, 7, 59, tzinfo=UTC))  # 08:59 in Berlin
        due = dispatcher.tick(now=datetime(2027, 1, 12, 8, 0, 1, tzinfo=UTC))
        again = dispatcher.tick(now=datetime(2027, 1, 12, 8, 5, tzinfo=UTC))
    finally:
        dispatcher.close()
    assert (early.sent, due.sent, again.sent) == (0, 1, 0)
    posts = fake_slack.calls_to("chat.postMessage")
    assert [call.params["channel"] for call in posts] == ["U1"]
    with database.session_factory() as session:
        row = session.scalars(select(Delivery).where(Delivery.status == DeliveryStatus.SENT)).one()
    assert (row.status, row.channel_id) == (DeliveryStatus.SENT, fake_slack.dm_channel("U1"))
    assert fake_slack.messages(fake_slack.dm_channel("U1"))[0]["metadata"]["event_payload"] == {
        "key": row.key
    }
