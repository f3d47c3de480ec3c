"""`kickoff-bot deliveries` and `deliveries retry ID`, with the dispatcher sending to the fake."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from slack_sdk import WebClient
from sqlalchemy import select, update

from bot.cli import main
from bot.fakeslack import FakeSlack
from bot.services.outbox import Envelope, queue
from db.models import Delivery, DeliveryStatus, Workspace
from scheduler.dispatcher import Dispatcher
from scheduler.sending import METADATA_EVENT
from tests.cli.shell import shell_environment
from tests.conftest import FAST
from tests.databases import Database
from tests.factories import make_program, make_workspace

DUE = datetime(2027, 1, 12, 8, 0, tzinfo=UTC)


@pytest.fixture
def shell(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_slack: FakeSlack, database: Database
) -> Workspace:
    """The command's environment and a workspace with a #standups channel."""
    shell_environment(monkeypatch, tmp_path, fake_slack, database)
    monkeypatch.setenv("DEFAULT_TIMEZONE", "Europe/Berlin")
    fake_slack.add_channel("CSTANDUP", "standups")
    with database.session_factory.begin() as session:
        return make_workspace(session)


@pytest.fixture
def dispatcher(database: Database, slack_client: WebClient) -> Iterator[Dispatcher]:
    """A dispatcher with no planners: it sends only what the test queues."""
    sender = Dispatcher(session_factory=database.session_factory, client=slack_client,
                        planners=[], config=FAST)
    yield sender
    sender.close()


def envelope(workspace: Workspace, n: int, *, due: datetime = DUE) -> Envelope:
    """A channel post, number `n`, due at `due` with two hours to go out."""
    return Envelope(
        key=f"reply:{n}", kind="standup_reply", workspace_id=workspace.id, program_id=None,
        person_id=None, channel="CSTANDUP", text=f"answer {n}", blocks=None, due_at=due,
        window_end=due + timedelta(hours=2),
    )


def with_statuses(database: Database, workspace: Workspace) -> None:
    """Four rows due an hour apart: sent, failed, expired, planned."""
    with database.session_factory.begin() as session:
        queue(session, [envelope(workspace, n, due=DUE + timedelta(hours=n)) for n in range(4)],
              now=DUE - timedelta(days=1))
        for n, status in enumerate(("sent", "failed", "expired")):
            session.execute(update(Delivery).where(Delivery.key == f"reply:{n}").values(
                status=status, error="channel_not_found" if status == "failed" else None,
                sent_at=DUE if status == "sent" else None,
            ))


def output(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command; exit code, output and error output."""
    capsys.readouterr()
    code = main(["deliveries", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_list_filters_by_status_and_time(
    shell: Workspace, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    with_statuses(database, shell)

    code, out, _ = output(capsys, "--status", "failed,expired", "--status", "sent")
    assert code == 0
    assert [line.split()[:2] for line in out.splitlines()] == [
        ["3", "expired"], ["2", "failed"], ["1", "sent"]
    ]
    assert "standup_reply        CSTANDUP     reply:1  channel_not_found" in out
    # 10:00 at Berlin's offset is 09:00 UTC: the rows due at 09:00 UTC and later.
    code, out, _ = output(capsys, "--since", "2027-01-12T10:00+01:00", "--json")
    assert [(row["key"], row["status"]) for row in json.loads(out)] == [
        ("reply:3", "planned"), ("reply:2", "expired"), ("reply:1", "failed")
    ]
    code, out, _ = output(capsys, "--limit", "1")
    assert out.splitlines()[-1].startswith("(the newest 1 shown;")


def test_a_failed_row_is_retried_and_sent_once(
    shell: Workspace, database: Database, fake_slack: FakeSlack, dispatcher: Dispatcher,
    capsys: pytest.CaptureFixture[str],
) -> None:
    now = dispatcher.clock.now()
    with database.session_factory.begin() as session:
        queue(session, [envelope(shell, 1, due=now)], now=now)
    fake_slack.fail_next("chat.postMessage", error="channel_not_found", status=200)
    assert dispatcher.tick(now=now).failed == 1

    code, out, _ = output(capsys, "retry", "1", "--until", "2099-01-01T12:00+00:00")
    assert code == 0
    assert out == ("delivery 1 (standup_reply to CSTANDUP) is planned again; "
                   "it is sent by 2099-01-01 12:00 UTC or expires\n")
    assert dispatcher.tick(now=dispatcher.clock.now()).sent == 1

    assert [m["text"] for m in fake_slack.messages("CSTANDUP")] == ["answer 1"]
    with database.session_factory() as session:
        row = session.scalars(select(Delivery)).one()
    assert (row.status, row.error, row.ts) == (DeliveryStatus.SENT, None,
                                              fake_slack.messages("CSTANDUP")[0]["ts"])


def test_a_retried_row_that_may_have_been_posted_is_looked_for_first(
    shell: Workspace, database: Database, fake_slack: FakeSlack, slack_client: WebClient,
    dispatcher: Dispatcher, capsys: pytest.CaptureFixture[str],
) -> None:
    now = dispatcher.clock.now()
    # An attempt whose answer never came back did reach Slack, then the row's window closed.
    slack_client.chat_postMessage(channel="CSTANDUP", text="answer 1", metadata={
        "event_type": METADATA_EVENT, "event_payload": {"key": "reply:1"}
    })
    with database.session_factory.begin() as session:
        late = envelope(shell, 1, due=now - timedelta(hours=3))
        queue(session, [late], now=late.due_at)
        session.execute(update(Delivery).values(
            status=DeliveryStatus.EXPIRED, uncertain=True, attempts=1,
            first_attempt_at=now - timedelta(minutes=1),
        ))

    assert output(capsys, "retry", "1")[0] == 0
    assert dispatcher.tick(now=dispatcher.clock.now()).sent == 1

    assert [m["text"] for m in fake_slack.messages("CSTANDUP")] == ["answer 1"]
    assert len(fake_slack.calls_to("chat.postMessage")) == 1  # the earlier attempt only


@pytest.mark.parametrize(
    ("key", "error"),
    [
        ("reply:0", "kickoff-bot: Delivery 1 was sent at 2027-01-12 08:00 UTC; "
                    "sending it again would post it twice; nothing was changed."),
        ("reply:3", "kickoff-bot: Delivery 4 is already waiting to be sent "
                    "(due 2027-01-12 11:00 UTC); nothing was changed."),
    ],
)
def test_a_sent_or_waiting_row_is_not_retried(
    shell: Workspace, database: Database, capsys: pytest.CaptureFixture[str], key: str,
    error: str,
) -> None:
    with_statuses(database, shell)
    with database.session_factory() as session:
        row_id = session.scalars(select(Delivery.id).where(Delivery.key == key)).one()

    code, out, err = output(capsys, "retry", str(row_id))

    assert (code, out, err) == (1, "", error + "\n")
    with database.session_factory() as session:
        row = session.scalars(select(Delivery).where(Delivery.key == key)).one()
    assert (row.status, row.due_at) in {(DeliveryStatus.SENT, DUE),
                                        (DeliveryStatus.PLANNED, DUE + timedelta(hours=3))}


def test_since_is_read_in_the_programs_zone_and_rows_shown_in_it(
    shell: Workspace, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    with_statuses(database, shell)
    # No program names a zone: a time without an offset is refused, in one line naming it.
    code, _, err = output(capsys, "--since", "2027-01-12T10:00")
    assert (code, err) == (1, "kickoff-bot: --since: '2027-01-12T10:00' needs an offset here (no "
                              "one program's time zone applies), e.g. 2027-01-12T10:00+00:00\n")
    with database.session_factory.begin() as session:
        program = make_program(session, shell, timezone="Asia/Kolkata")
        session.execute(update(Delivery).values(program_id=program.id))
    # 15:30 in Kolkata is 10:00 UTC, whether named by the program or by the offset.
    for since in ("2027-01-12T15:30", "2027-01-12T15:30+05:30"):
        code, out, _ = output(capsys, "--program", "Q1 Kickoff", "--since", since)
        assert [line.split()[0] for line in out.splitlines()] == ["4", "3"]
    assert "2027-01-12 16:30 Asia/Kolkata" in out  # reply:3, due 11:00 UTC
    code, _, err = output(capsys, "--since", "noon")
    assert code == 1
    assert err.startswith("kickoff-bot: --since: 'noon' is not a time like")
