"""The lifecycle table through the real dispatcher and the fake Slack: a paused, an ended and a
reinforcing program send only the kinds the table allows; what a pause held goes out on resume."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from slack_sdk import WebClient
from sqlalchemy import select

from bot.domain.kinds import DeliveryKind
from bot.domain.lifecycle import Phase
from bot.fakeslack import FakeSlack
from bot.features.registry import REGISTRY
from bot.services.launch import move_program
from bot.services.outbox import Envelope, queue
from db.models import Delivery, DeliveryStatus, Program, ProgramStatus, Role
from scheduler.dispatcher import Dispatcher
from tests.conftest import FAST
from tests.databases import Database
from tests.factories import add_member, make_person, make_program, make_workspace

DURING = datetime(2027, 1, 20, 15, tzinfo=UTC)  # day 9 of a program kicked off on 11 January
AFTER_READOUT = datetime(2027, 2, 15, 15, tzinfo=UTC)  # day 35: the read-out was on day 32
# A routine of the 30 days, two kinds that live past day 30, and the launch's welcome.
KINDS = (DeliveryKind.STANDUP_PROMPT, DeliveryKind.COACHING_DIGEST, DeliveryKind.WELCOME,
         DeliveryKind.COACHING_RECEIPT, DeliveryKind.AUDIT_WEEKLY)
TABLE = REGISTRY.send_table()


@pytest.fixture
def dispatcher(database: Database, slack_client: WebClient) -> Iterator[Dispatcher]:
    """The real dispatcher with no planner: the test queues what is due."""
    sender = Dispatcher(session_factory=database.session_factory, client=slack_client,
                        planners=[], config=FAST)
    yield sender
    sender.close()


def queue_one_of_each(database: Database, fake_slack: FakeSlack, status: ProgramStatus,
                      now: datetime) -> int:
    """A program in `status` with one message of each of KINDS due at `now`; its id."""
    fake_slack.add_user("U1", name="ana", tz="UTC")
    fake_slack.add_channel("CAUDIT", "kickoff-audit")
    with database.session_factory.begin() as session:
        workspace = make_workspace(session)
        program = make_program(session, workspace, status=status)
        person = make_person(session, workspace, "U1")
        add_member(session, program, person, Role.REP)
        queue(session, [
            Envelope(key=f"{kind}:test", kind=kind, workspace_id=workspace.id,
                     program_id=program.id, person_id=person.id,
                     channel="CAUDIT" if kind is DeliveryKind.AUDIT_WEEKLY else "U1",
                     text=f"a {kind}", blocks=None, due_at=now, window_end=now + timedelta(hours=1))
            for kind in KINDS
        ], now=now)
        return program.id


def sent_kinds(database: Database) -> set[str]:
    with database.session_factory() as session:
        query = select(Delivery.kind).where(Delivery.status == DeliveryStatus.SENT)
        return set(session.scalars(query))


def reasons(database: Database) -> set[str | None]:
    with database.session_factory() as session:
        query = select(Delivery.error).where(Delivery.status == DeliveryStatus.CANCELLED)
        return set(session.scalars(query))


def test_after_the_read_out_only_kinds_living_past_day_30_are_sent(
    database: Database, fake_slack: FakeSlack, dispatcher: Dispatcher
) -> None:
    queue_one_of_each(database, fake_slack, ProgramStatus.ACTIVE, AFTER_READOUT)
    dispatcher.tick(now=AFTER_READOUT)
    assert sent_kinds(database) == set(KINDS) & TABLE[Phase.REINFORCING]
    assert sent_kinds(database) == {DeliveryKind.COACHING_RECEIPT, DeliveryKind.AUDIT_WEEKLY}
    assert [m["text"] for m in fake_slack.messages("CAUDIT")] == ["a audit_weekly"]
    assert reasons(database) == {"not sent while the program is reinforcing"}


def test_an_ended_program_sends_nothing(
    database: Database, fake_slack: FakeSlack, dispatcher: Dispatcher
) -> None:
    queue_one_of_each(database, fake_slack, ProgramStatus.ENDED, DURING)
    result = dispatcher.tick(now=DURING)
    assert TABLE[Phase.ENDED] == frozenset()
    assert (result.sent, sent_kinds(database)) == (0, set())
    assert fake_slack.calls_to("chat.postMessage") == []
    assert reasons(database) == {"program ended"}


def test_a_paused_program_sends_nothing_until_resumed_then_what_was_held(
    database: Database, fake_slack: FakeSlack, dispatcher: Dispatcher
) -> None:
    program_id = queue_one_of_each(database, fake_slack, ProgramStatus.PAUSED, DURING)
    assert dispatcher.tick(now=DURING).sent == 0
    assert fake_slack.calls_to("chat.postMessage") == []
    assert reasons(database) == {"program paused"}

    later = DURING + timedelta(minutes=10)
    with database.session_factory.begin() as session:
        move_program(session=session, program=session.get_one(Program, program_id),
                     action="resume", now=later)
    dispatcher.tick(now=later)
    assert sent_kinds(database) == set(KINDS) & TABLE[Phase.ACTIVE] == set(KINDS)
