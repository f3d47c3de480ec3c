"""Helpers for fan-out tests: many recipients with one queued DM each, and worker processes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import func, select

from bot.clock import SystemClock, clock_environment
from bot.fakeslack import FakeSlack
from bot.services.outbox import Envelope, delivery_key, queue
from db.models import Delivery, DeliveryStatus, Person
from tests.conftest import BOT_TOKEN, SIGNING_SECRET
from tests.databases import Database
from tests.factories import make_workspace


def queue_dms(database: Database, fake: FakeSlack, count: int, *, now: datetime) -> list[str]:
    """`count` people (in Slack and in the database), each with one DM due at `now`."""
    user_ids = [f"UFAN{n:05d}" for n in range(count)]
    for user_id in user_ids:
        fake.add_user(user_id, name=user_id.lower(), tz="Europe/Berlin")
    with database.session_factory.begin() as session:
        workspace = make_workspace(session)
        people = [
            Person(workspace_id=workspace.id, slack_user_id=u, name=u, timezone="Europe/Berlin")
            for u in user_ids
        ]
        session.add_all(people)
        session.flush()
        envelopes = [
            Envelope(
                key=delivery_key("fanout", None, person.id, "once"),
                kind="fanout",
                workspace_id=workspace.id,
                program_id=None,
                person_id=person.id,
                channel=person.slack_user_id,
                text=f"Hello {person.name}",
                blocks=None,
                due_at=now,
                window_end=now + timedelta(hours=1),
            )
            for person in people
        ]
        queue(session, envelopes, now=now)
    return user_ids


def count_sent(database: Database) -> int:
    """How many outbox rows are recorded as sent."""
    with database.session_factory() as session:
        query = select(func.count()).where(Delivery.status == DeliveryStatus.SENT)
        return int(session.scalar(query) or 0)


def messages_per_user(fake: FakeSlack, user_ids: list[str]) -> dict[str, int]:
    """How many messages each user's DM holds in the fake Slack workspace."""
    return {user_id: len(fake.messages(fake.dm_channel(user_id))) for user_id in user_ids}


def start_worker(database: Database, fake: FakeSlack, **settings: str) -> subprocess.Popen[bytes]:
    """A real `kickoff-bot worker` process against the test database and the fake Slack, on the
    fake Slack's (the test's) clock."""
    assert isinstance(fake.clock, SystemClock)
    environment = (
        os.environ
        | clock_environment(fake.clock)
        | {
            "DATABASE_URL": database.url,
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": fake.api_url,
            "LOG_LEVEL": "WARNING",
            "DISPATCH_INTERVAL_SECONDS": "0.2",
        }
        | {name.upper(): value for name, value in settings.items()}
    )
    command = [sys.executable, "-c", "import sys; from bot.cli import main; sys.exit(main())"]
    return subprocess.Popen([*command, "worker"], env=environment)


def wait_until(condition: Callable[[], bool], *, timeout: float, what: str) -> None:
    """Poll `condition` until it holds; fail the test with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)
