"""What the fan-out benchmark sends from: an outbox of one due DM per recipient, in a SQLite file
or a fresh PostgreSQL database, and dispatcher worker processes started on a signal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from contextlib import AbstractContextManager
from datetime import timedelta

from bot.clock import system_clock
from bot.services.outbox import Envelope, delivery_key, queue
from db.base import Base
from db.models import Person, Workspace
from db.scratch import scratch_postgres_database
from db.session import make_engine, make_session_factory

POSTGRES = os.environ.get(
    "KICKOFF_BENCH_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def recipients(count: int) -> list[str]:
    """The user ids the fake process creates."""
    return [f"UB{n:06d}" for n in range(count)]


def fill_outbox(url: str, count: int) -> None:
    """Create the tables at `url` and queue one due DM for each of `count` recipients."""
    engine = make_engine(url)
    Base.metadata.create_all(engine)
    now = system_clock().now()
    with make_session_factory(engine).begin() as session:
        workspace = Workspace(team_id="T0KICKOFF", name="bench")
        session.add(workspace)
        session.flush()
        people = [
            Person(workspace_id=workspace.id, slack_user_id=u, name=u, timezone="UTC")
            for u in recipients(count)
        ]
        session.add_all(people)
        session.flush()
        envelopes = [
            Envelope(
                key=delivery_key("bench", None, p.id, "1"), kind="bench",
                workspace_id=workspace.id, program_id=None, person_id=p.id,
                channel=p.slack_user_id, text="Day 1 of 5: one new activity, one small win?",
                blocks=None, due_at=now, window_end=now + timedelta(hours=2),
            )
            for p in people
        ]
        for start in range(0, len(envelopes), 1000):
            queue(session, envelopes[start : start + 1000], now=now)
    engine.dispose()


def postgres_database() -> AbstractContextManager[str]:
    """A fresh, uniquely named PostgreSQL database on the bench server, dropped afterwards."""
    return scratch_postgres_database(POSTGRES, prefix="kickoff_bench")


def run_workers(count: int, arguments: list[str]) -> list[dict[str, float]]:
    """Start `count` `bench.fanout_worker` processes, let them all go at once, and return what
    each reports (sent, 429s, its start and end as Unix seconds)."""
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "bench.fanout_worker", *arguments],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        for _ in range(count)
    ]
    for worker in workers:  # each says "ready" once imported and connected
        assert worker.stdout is not None
        worker.stdout.readline()
    for worker in workers:
        assert worker.stdin is not None
        worker.stdin.write("go\n")
        worker.stdin.flush()
    reports = []
    for worker in workers:
        assert worker.stdout is not None
        reports.append(json.loads(worker.stdout.readline()))
        worker.wait(timeout=30)
    return reports
