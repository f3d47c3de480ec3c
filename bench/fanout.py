"""Fan-out benchmark of the dispatcher against the fake Slack server on loopback.

Prints, from one run:
  (a) with pacing out of the way, the dispatcher's sends/s to N recipients, a bare sequential
      WebClient.chat_postMessage loop's sends/s on the same server, and their ratio (goal >= 1.0);
  (b) for about a minute with the server enforcing 600 messages a minute (429 above it), the
      achieved rate as a fraction of that limit (goal >= 0.9) and the 429s drawn;
  (c) SQL statements per delivery at 1,000 and at N recipients (goal: the same).

Run: .venv/bin/python -m bench.fanout [--recipients 10000] [--limited-seconds 60]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from slack_sdk import WebClient
from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker

from bench.fake_slack_process import TOKEN, FakeSlackProcess
from bot.clock import system_clock
from bot.services.outbox import Envelope, delivery_key, queue
from db.base import Base
from db.models import Person, Workspace
from db.session import make_engine, make_session_factory
from scheduler.config import DispatchConfig
from scheduler.dispatcher import Dispatcher

# Pacing out of the way; with no pace to respect, a claim may take 500 rows (the default 100
# is sized for Slack's real pace, where a batch only holds what goes out in the next 10 s).
UNPACED = DispatchConfig(per_minute=10_000_000, channel_interval=0.0, batch_size=500)


@dataclass
class Run:
    """One dispatcher run: deliveries sent, seconds taken, SQL statements executed."""

    sent: int
    seconds: float
    statements: int


def recipients(count: int) -> list[str]:
    """The user ids the fake process creates."""
    return [f"UB{n:06d}" for n in range(count)]


def outbox_with(folder: Path, name: str, count: int) -> tuple[Engine, sessionmaker[Session]]:
    """A fresh SQLite outbox holding one due DM for each of `count` recipients."""
    engine = make_engine(f"sqlite:///{folder / name}.db")
    Base.metadata.create_all(engine)
    sessions = make_session_factory(engine)
    now = system_clock().now()
    with sessions.begin() as session:
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
                key=delivery_key("bench", None, p.id, "1"),
                kind="bench",
                workspace_id=workspace.id,
                program_id=None,
                person_id=p.id,
                channel=p.slack_user_id,
                text="Day 1 of 5: one new activity, one small win?",
                blocks=None,
                due_at=now,
                window_end=now + timedelta(hours=2),
            )
            for p in people
        ]
        for start in range(0, len(envelopes), 1000):
            queue(session, envelopes[start : start + 1000], now=now)
    return engine, sessions


def dispatch(
    engine: Engine, sessions: sessionmaker[Session], api_url: str, config: DispatchConfig
) -> Run:
    """Send the whole outbox once, counting SQL statements."""
    statements = 0

    def count(*_: object) -> None:
        nonlocal statements
        statements += 1

    event.listen(engine, "before_cursor_execute", count)
    dispatcher = Dispatcher(
        session_factory=sessions,
        client=WebClient(token=TOKEN, base_url=api_url),
        planners=[],
        config=config,
    )
    started = time.perf_counter()
    result = dispatcher.dispatch(now=system_clock().now())
    seconds = time.perf_counter() - started
    dispatcher.close()
    event.remove(engine, "before_cursor_execute", count)
    return Run(sent=result.sent, seconds=seconds, statements=statements)


def bare_loop(api_url: str, count: int) -> float:
    """Seconds a plain sequential chat_postMessage loop takes for `count` recipients."""
    client = WebClient(token=TOKEN, base_url=api_url)
    started = time.perf_counter()
    for user_id in recipients(count):
        client.chat_postMessage(
            channel=user_id, text="Day 1 of 5: one new activity, one small win?"
        )
    return time.perf_counter() - started


def main() -> None:
    """Run (a), (b) and (c) and print their figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--recipients", type=int, default=10_000)
    parser.add_argument("--limited-seconds", type=int, default=60)
    options = parser.parse_args()
    count = options.recipients
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        fake = FakeSlackProcess(users=count)
        try:
            bare = bare_loop(fake.api_url, count)
            fake.counters()
            big = dispatch(*outbox_with(folder, "big", count), fake.api_url, UNPACED)
            small = dispatch(*outbox_with(folder, "small", 1000), fake.api_url, UNPACED)
        finally:
            fake.stop()
        print(f"(a) {count} recipients, pacing out of the way")
        print(f"    bare WebClient loop: {count / bare:8.0f} sends/s")
        print(f"    dispatcher:          {big.sent / big.seconds:8.0f} sends/s ({big.sent} sent)")
        ratio = (big.sent / big.seconds) / (count / bare)
        print(f"    ratio dispatcher / bare loop: {ratio:.2f}  (goal >= 1.0)")
        limited(folder, options.limited_seconds)
        print("(c) SQL statements per delivery")
        print(f"    1,000 recipients:  {small.statements / small.sent:.3f}")
        print(f"    {count:,} recipients: {big.statements / big.sent:.3f}")
        per_big, per_small = big.statements / big.sent, small.statements / small.sent
        print(f"    ratio: {per_big / per_small:.2f}  (goal 1.0)")


def limited(folder: Path, seconds: int) -> None:
    """(b): send for about `seconds` against a server that allows 600 messages a minute."""
    limit = 600
    count = limit * seconds // 60
    fake = FakeSlackProcess(users=count, per_minute=limit)
    try:
        # 1% under the limit: a sliding window and two clocks never agree to the millisecond.
        config = DispatchConfig(per_minute=limit * 0.99, channel_interval=0.0)
        run = dispatch(*outbox_with(folder, "limited", count), fake.api_url, config)
        counters = fake.counters()
    finally:
        fake.stop()
    achieved = run.sent / run.seconds * 60
    print(f"(b) {run.sent} messages in {run.seconds:.1f} s against a limit of {limit}/minute")
    print(
        f"    achieved {achieved:.0f}/minute = {achieved / limit:.2f} of the limit  (goal >= 0.9)"
    )
    print(f"    429s drawn: {counters['rate_limited']}")


if __name__ == "__main__":
    main()
