"""What the dispatcher does with each kind of Slack answer, threads and edits included."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from slack_sdk import WebClient
from sqlalchemy import select

from bot.fakeslack import FakeSlack
from bot.services.outbox import Envelope, queue
from db.models import Delivery, DeliveryStatus, Person, Workspace
from scheduler.dispatcher import Dispatcher
from scheduler.sending import METADATA_EVENT
from tests.conftest import FAST
from tests.databases import Database
from tests.scheduler.fanout import queue_dms

NOW = datetime(2027, 3, 10, 9, tzinfo=UTC)


@pytest.fixture
def sender(database: Database, slack_client: WebClient) -> Iterator[Dispatcher]:
    """A dispatcher with no planners: these tests queue rows themselves."""
    dispatcher = Dispatcher(
        session_factory=database.session_factory, client=slack_client, planners=[], config=FAST
    )
    yield dispatcher
    dispatcher.close()


def statuses(database: Database) -> dict[str, DeliveryStatus]:
    """Each row's status by recipient channel."""
    with database.session_factory() as session:
        return {row.channel: row.status for row in session.scalars(select(Delivery))}


def test_a_recipient_error_fails_that_row_only(
    database: Database, fake_slack: FakeSlack, sender: Dispatcher
) -> None:
    users = queue_dms(database, fake_slack, 3, now=NOW)
    fake_slack.fail_for_user(users[1], error="user_not_found")
    result = sender.dispatch(now=NOW)
    assert (result.sent, result.failed) == (2, 1)
    assert statuses(database) == {
        users[0]: DeliveryStatus.SENT,
        users[1]: DeliveryStatus.FAILED,
        users[2]: DeliveryStatus.SENT,
    }


def test_a_dead_token_stops_sending_keeps_the_rows_and_logs_one_error(
    database: Database, fake_slack: FakeSlack, sender: Dispatcher, caplog: pytest.LogCaptureFixture
) -> None:
    queue_dms(database, fake_slack, 5, now=NOW)
    fake_slack.fail_next("chat.postMessage", status=200, error="token_revoked", times=5)
    with caplog.at_level(logging.ERROR):
        result = sender.dispatch(now=NOW)
        again = sender.dispatch(now=NOW + timedelta(minutes=1))
    assert (result.sent, again.sent) == (0, 0)
    assert set(statuses(database).values()) == {DeliveryStatus.PLANNED}
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert "token_revoked" in errors[0]
    with database.session_factory() as session:
        assert session.scalar(select(Workspace.sending_stopped)) == "token_revoked"


def test_dms_go_to_the_user_id_and_the_dm_channel_is_remembered(
    database: Database, fake_slack: FakeSlack, sender: Dispatcher
) -> None:
    users = queue_dms(database, fake_slack, 2, now=NOW)
    sender.dispatch(now=NOW)
    assert fake_slack.calls_to("conversations.open") == []
    with database.session_factory() as session:
        rows = session.execute(select(Person.slack_user_id, Person.dm_channel_id))
        remembered = dict(rows.all())
    assert remembered == {user: fake_slack.dm_channel(user) for user in users}


def test_a_thread_reply_waits_for_its_parent_and_an_edit_changes_the_parent(
    database: Database, fake_slack: FakeSlack, sender: Dispatcher
) -> None:
    fake_slack.add_channel("CSTAND", "standups")
    workspace_id = _workspace(database)
    with database.session_factory.begin() as session:
        queue(
            session,
            [
                _channel_envelope(
                    workspace_id, "reply", "Ana: called 3 prospects", thread_key="parent"
                ),
                _channel_envelope(workspace_id, "parent", "Week-1 standup - Day 1 of 5", due=NOW),
                _channel_envelope(
                    workspace_id,
                    "count",
                    "Week-1 standup - Day 1 of 5 (1/12 answered)",
                    update_key="parent",
                ),
            ],
            now=NOW,
        )
    sender.dispatch(now=NOW)
    [parent] = fake_slack.messages("CSTAND")
    assert parent["text"] == "Week-1 standup - Day 1 of 5 (1/12 answered)"
    assert [reply["text"] for reply in fake_slack.replies("CSTAND", parent["ts"])] == [
        "Ana: called 3 prospects"
    ]


def test_an_uncertain_send_already_in_slack_is_recorded_not_posted_again(
    database: Database, fake_slack: FakeSlack, sender: Dispatcher, slack_client: WebClient
) -> None:
    [user] = queue_dms(database, fake_slack, 1, now=NOW)
    with database.session_factory.begin() as session:
        row = session.scalars(select(Delivery)).one()
        row.uncertain, row.first_attempt_at = True, fake_slack.clock.now()
        key = row.key
    posted = slack_client.chat_postMessage(
        channel=user,
        text="Hello",
        metadata={"event_type": METADATA_EVENT, "event_payload": {"key": key}},
    )
    sender.dispatch(now=NOW)
    assert len(fake_slack.calls_to("chat.postMessage")) == 1  # only the earlier attempt
    with database.session_factory() as session:
        row = session.scalars(select(Delivery)).one()
    assert (row.status, row.ts) == (DeliveryStatus.SENT, posted["ts"])


def test_a_server_error_is_reconciled_then_sent_once(
    database: Database, fake_slack: FakeSlack, sender: Dispatcher
) -> None:
    [user] = queue_dms(database, fake_slack, 1, now=NOW)
    fake_slack.fail_next("chat.postMessage", status=503)
    result = sender.dispatch(now=NOW)
    assert (result.sent, result.retried) == (1, 1)
    assert len(fake_slack.calls_to("conversations.history")) == 1
    assert len(fake_slack.messages(fake_slack.dm_channel(user))) == 1


def _workspace(database: Database) -> int:
    with database.session_factory.begin() as session:
        workspace = Workspace(team_id="T0KICKOFF", name="Kickoff Demo")
        session.add(workspace)
        session.flush()
        return workspace.id


def _channel_envelope(
    workspace_id: int,
    key: str,
    text: str,
    *,
    due: datetime = NOW - timedelta(seconds=1),
    thread_key: str | None = None,
    update_key: str | None = None,
) -> Envelope:
    return Envelope(
        key=key,
        kind="test",
        workspace_id=workspace_id,
        program_id=None,
        person_id=None,
        channel="CSTAND",
        text=text,
        blocks=None,
        due_at=due,
        window_end=NOW + timedelta(hours=1),
        thread_key=thread_key,
        update_key=update_key,
    )
