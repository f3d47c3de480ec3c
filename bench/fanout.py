"""Fan-out benchmark: the dispatcher against Slack's own limit at a real round trip.

A fake Slack in its own process answers every call 150 ms late and enforces the workspace's limit
as a strict one-second window (6,000 a minute is then at most 100 in any second). Prints, from one
run, with 2,000 recipients:
  (a) at 6,000/minute: the physical limit (100/s), the dispatcher's sends/s (one process, SQLite),
      a bare sequential WebClient loop's, and a bare 32-thread loop's sharing a token bucket, each
      with its ratio to the limit (goal for the dispatcher >= 0.9);
  (b) at 600/minute: the dispatcher's ratio to the limit (goal >= 0.9) and the 429s it drew
      (goal <= 5);
  (c) one, two and three dispatcher processes together on PostgreSQL at 6,000/minute: their
      ratio to the limit (goal >= 0.9) and 429s (goal: no more than one process);
  (d) with no latency and no limit, 32 threads posting through slack_sdk's default transport (a
      connection per call) and over kept-alive connections: sends/s and CPU per send.
The dispatcher (and the bare bucket) run at 93% of the limit: SEND_PER_MINUTE is the ceiling the
rate climbs back to after a 429, and a strict window leaves no room for the jitter of threads.

Run: .venv/bin/python -m bench.fanout [--recipients 2000] [--skip-postgres]
(PostgreSQL from KICKOFF_BENCH_POSTGRES, default postgresql+psycopg://postgres@127.0.0.1:5432/postgres)
"""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from slack_sdk import WebClient
from sqlalchemy import event

from bench import bare_loops
from bench.fake_slack_process import TOKEN, FakeSlackProcess
from bench.fanout_world import fill_outbox, postgres_database, recipients, run_workers
from bot.clock import system_clock
from db.session import make_engine, make_session_factory
from scheduler.config import DispatchConfig
from scheduler.dispatcher import Dispatcher

LATENCY = 0.15
SHARE = 0.93  # of the limit the dispatcher is configured for
LANES = 32
SEQUENTIAL_SENDS = 100  # a sequential loop at 150 ms would take minutes for every recipient


@dataclass(frozen=True)
class Run:
    """One dispatcher run: deliveries sent, seconds, 429s and SQL statements."""

    sent: int
    seconds: float
    rate_limited: int
    statements: int


def dispatch(url: str, api_url: str, per_minute: float) -> Run:
    """Send the whole outbox at `url` from this process, counting SQL statements."""
    engine = make_engine(url, pool_size=LANES + 4)
    statements = 0

    def count(*_: object) -> None:
        nonlocal statements
        statements += 1

    event.listen(engine, "before_cursor_execute", count)
    config = DispatchConfig(per_minute=per_minute * SHARE, channel_interval=0.0, lanes=LANES)
    dispatcher = Dispatcher(
        session_factory=make_session_factory(engine),
        client=WebClient(token=TOKEN, base_url=api_url),
        planners=[],
        config=config,
    )
    started = time.perf_counter()
    result = dispatcher.dispatch(now=system_clock().now())
    seconds = time.perf_counter() - started
    dispatcher.close()
    engine.dispose()
    return Run(result.sent, seconds, result.rate_limited, statements)


def line(name: str, per_second: float, limit: float, extra: str = "") -> None:
    """One figure: sends a second and its share of the limit."""
    share = per_second / limit
    print(f"    {name:<44} {per_second:7.1f} sends/s  {share:5.2f} of the limit{extra}")


def at_6000(folder: Path, fake: FakeSlackProcess, count: int) -> None:
    """(a)."""
    limit = 100.0
    users = recipients(count)
    print(f"(a) {count} recipients, 150 ms a post, 6,000/minute in a strict one-second window")
    print(f"    physical limit: {limit:.0f} sends/s")
    url = f"sqlite:///{folder / 'a.db'}"
    fill_outbox(url, count)
    fake.counters()
    run = dispatch(url, fake.api_url, 6000)
    fake_429s = fake.counters()["rate_limited"]
    line("dispatcher (one process, SQLite)", run.sent / run.seconds, limit,
         f"  {fake_429s} 429s, {run.statements / run.sent:.2f} SQL statements a send")
    bare = bare_loops.sequential(fake.api_url, users[:SEQUENTIAL_SENDS])
    line(f"bare sequential loop ({SEQUENTIAL_SENDS} sends)", bare.per_second, limit)
    fake.counters()
    bare = bare_loops.threaded(fake.api_url, users, limit * SHARE)
    line("bare 32-thread loop, shared token bucket", bare.per_second, limit,
         f"  {fake.counters()['rate_limited']} 429s")


def at_600(folder: Path, count: int) -> None:
    """(b)."""
    limit = 10.0
    fake = FakeSlackProcess(users=count, per_minute=600, window=1.0, latency=LATENCY)
    try:
        url = f"sqlite:///{folder / 'b.db'}"
        fill_outbox(url, count)
        run = dispatch(url, fake.api_url, 600)
        drawn = fake.counters()["rate_limited"]
    finally:
        fake.stop()
    print(f"(b) {count} recipients, 150 ms a post, 600/minute in a strict one-second window")
    line("dispatcher (one process, SQLite)", run.sent / run.seconds, limit,
         f"  {drawn} 429s (goal <= 5)")


def on_postgres(fake: FakeSlackProcess, count: int) -> None:
    """(c)."""
    limit = 100.0
    print(f"(c) {count} recipients shared by dispatcher processes on PostgreSQL, 6,000/minute")
    for workers in (1, 2, 3):
        with postgres_database() as url:
            fill_outbox(url, count)
            fake.counters()
            arguments = ["--database-url", url, "--api-url", fake.api_url,
                         "--per-minute", str(6000 * SHARE), "--lanes", str(LANES)]
            reports = run_workers(workers, arguments)
            drawn = fake.counters()["rate_limited"]
        sent = sum(int(report["sent"]) for report in reports)
        span = max(r["ended"] for r in reports) - min(r["started"] for r in reports)
        line(f"{workers} process(es), {sent} sent", sent / span, limit, f"  {drawn} 429s")


def transports(count: int) -> None:
    """(d)."""
    fake = FakeSlackProcess(users=count)
    try:
        users = recipients(count)
        per_call = bare_loops.threaded(fake.api_url, users, None)
        kept = bare_loops.pooled(fake.api_url, users)
    finally:
        fake.stop()
    print(f"(d) {count} posts from 32 threads, no latency, no limit")
    for name, run in (("urllib, a connection per call", per_call), ("kept-alive", kept)):
        print(f"    {name:<32} {run.per_second:7.0f} sends/s  "
              f"{1000 * run.cpu / run.sent:.2f} ms CPU a send")


def main() -> None:
    """Run (a) to (d) and print their figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--recipients", type=int, default=2000)
    parser.add_argument("--skip-postgres", action="store_true")
    options = parser.parse_args()
    count = options.recipients
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        fake = FakeSlackProcess(users=count, per_minute=6000, window=1.0, latency=LATENCY)
        try:
            at_6000(folder, fake, count)
            at_600(folder, count)
            if not options.skip_postgres:
                on_postgres(fake, count)
        finally:
            fake.stop()
    transports(count)


if __name__ == "__main__":
    main()
