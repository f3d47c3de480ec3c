"""Acks benchmark: how fast the app acknowledges a burst while Slack's views.open is slow.

Serves the real app behind waitress and its request gate, sized as `kickoff-bot serve` is, against
the fake Slack, whose views.open answers after 2 s and whose trigger_ids expire after 3 s. Each of
30 reps (of an active program whose standup is open today) sends three signed requests, in a
shuffled order, at most 30 at once: `/kickoff standup` (a modal), a button of their App Home
("Answer" or "Set out of office": a modal) and `/kickoff help`. Prints the ack latencies (p50,
p99, how many took over Slack's 3 s) and how many modals opened (goal: p99 under 1 s, all opened).

Run: .venv/bin/python -m bench.acks [--people 30] [--delay 2] [--database-url URL]
(without --database-url, a SQLite file in a temporary folder; a URL's tables are recreated).
Sizes come from the environment as for `serve` (LISTENER_THREADS, HTTP_THREADS, DB_POOL_SIZE...).
"""

from __future__ import annotations

import argparse
import logging
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from pydantic import SecretStr

from bench.acks_world import STANDUP_CHANNEL, build_program, populate, rep_ids
from bot.app import create_app, listener_pool
from bot.cli.runtime import Runtime
from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import COMMAND, ActionId
from bot.settings import Settings
from bot.verify import RequestGate
from bot.web import EVENTS_PATH, BackgroundServer, create_wsgi_app
from db.base import Base

TOKEN = "xoxb-bench"
SECRET = "bench-signing-secret"
SLACK_ACK_LIMIT = 3.0  # seconds Slack waits for an ack
Request = Callable[[], int]  # sends one request; returns the HTTP status


@dataclass(frozen=True)
class Burst:
    """What the burst measured: seconds to each ack, and the modals opened of those expected."""

    acks: list[float]
    statuses: list[int]
    opened: int
    expected: int


def bench_settings(fake: FakeSlack, database_url: str) -> Settings:
    """Settings for the fake and the database; sizes from the environment or the defaults."""
    return Settings(
        _env_file=None,  # type: ignore[call-arg]  # pydantic-settings' init-only option
        slack_bot_token=SecretStr(TOKEN),
        slack_signing_secret=SecretStr(SECRET),
        slack_api_url=fake.api_url,
        database_url=database_url,
        log_level="WARNING",
    )


def open_homes(sender: SignedSender, people: list[str]) -> None:
    """Each rep opens the App Home once, as they would before clicking in it."""
    fake = sender.fake
    for user_id in people:
        sender.event({"type": "app_home_opened", "user": user_id, "tab": "home"})
    fake.wait_for(lambda: all(fake.home(user_id) for user_id in people), timeout=60)


def home_click(sender: SignedSender, user_id: str, n: int) -> Request:
    """A button of the rep's published home: "Answer" for half the reps, else out of office."""
    home = sender.fake.home(user_id)
    assert home is not None
    wanted = ActionId.STANDUP_ANSWER if n % 2 == 0 else ActionId.HOME_OOO
    value = next(
        element["value"]
        for block in home["blocks"]
        for element in block.get("elements", [])
        if element.get("action_id") == wanted
    )
    return lambda: sender.action(user_id=user_id, action_id=wanted, value=value, view=home).status


def requests(sender: SignedSender, people: list[str], seed: int) -> list[Request]:
    """Three requests per rep, shuffled: two open a modal, one answers in place."""
    channel = STANDUP_CHANNEL

    def command(user_id: str, text: str) -> Request:
        return lambda: sender.command(COMMAND, text, user_id=user_id, channel_id=channel).status

    mixed: list[Request] = []
    for n, user_id in enumerate(people):
        mixed += [command(user_id, "standup"), home_click(sender, user_id, n),
                  command(user_id, "help")]
    random.Random(seed).shuffle(mixed)
    return mixed


def timed(request: Request) -> tuple[float, int]:
    """Seconds until the app answered (its ack), and the status (0: no answer within 10 s)."""
    started = time.perf_counter()
    try:
        status = request()
    except OSError:  # the sender gave up waiting (Slack itself gives up after 3 s)
        status = 0
    return time.perf_counter() - started, status


def burst(sender: SignedSender, app_listeners: ThreadPoolExecutor, people: list[str]) -> Burst:
    """Send every request, `len(people)` at a time; wait for the listeners; count the modals."""
    fake = sender.fake
    before = sum(view["type"] == "modal" for view in fake.views.values())
    mixed = requests(sender, people, seed=11)
    with ThreadPoolExecutor(len(people), thread_name_prefix="bench-person") as clients:
        results = list(clients.map(timed, mixed))
    app_listeners.shutdown(wait=True)  # every listener has had its views.open answered
    opened = sum(view["type"] == "modal" for view in fake.views.values()) - before
    return Burst([r[0] for r in results], [r[1] for r in results], opened, 2 * len(people))


def run(fake: FakeSlack, settings: Settings, people: list[str], delay: float) -> Burst:
    """Build the program, serve the app as `serve` does, open the homes, then send the burst."""
    runtime = Runtime(settings)
    Base.metadata.drop_all(runtime.engine)
    Base.metadata.create_all(runtime.engine)
    build_program(runtime, len(people))
    listeners = listener_pool(settings)
    app = create_app(settings, runtime.session_factory, listener_executor=listeners)
    wsgi = create_wsgi_app(app, runtime.engine, RequestGate(settings.signing_secret()))
    server = BackgroundServer(wsgi, threads=settings.http_threads).start()
    try:
        sender = SignedSender(url=server.url + EVENTS_PATH, signing_secret=SECRET, fake=fake)
        open_homes(sender, people)
        fake.set_latency(delay, method="views.open")
        return burst(sender, listeners, people)
    finally:
        server.stop()
        runtime.engine.dispose()


def report(result: Burst, settings: Settings, delay: float) -> None:
    """Print the sizes, the ack latencies and the modals opened."""
    acks = result.acks
    cuts = statistics.quantiles(acks, n=100, method="inclusive")
    p50, p99 = cuts[49], cuts[98]
    late = sum(seconds > SLACK_ACK_LIMIT for seconds in acks)
    failed = sum(status != 200 for status in result.statuses)
    print(f"{len(acks)} requests from {len(acks) // 3} people at once, views.open answering "
          f"after {delay:g} s ({settings.database_url.partition(':')[0]})")
    print(f"    sizes: {settings.listener_threads} listener threads, {settings.http_threads} HTTP "
          f"threads, database pool {settings.db_pool_size} + {settings.db_overflow()}")
    print(f"    ack p50 {p50:6.3f} s   p99 {p99:6.3f} s   max {max(acks):6.3f} s")
    print(f"    acks over {SLACK_ACK_LIMIT:g} s: {late} of {len(acks)}; non-200 answers: {failed}")
    print(f"    p99 / 1 s goal: {p99:.2f}  (goal < 1.00)")
    print(f"    modals opened: {result.opened} of {result.expected}  (goal: all)")


def main() -> None:
    """Set up the fake and the database, run the burst, print the figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--people", type=int, default=30)
    parser.add_argument("--delay", type=float, default=2.0, help="views.open's answer time (s)")
    parser.add_argument("--database-url", help="a PostgreSQL URL (its tables are recreated)")
    options = parser.parse_args()
    people = rep_ids(options.people)
    # A burst queues requests for waitress's threads for a moment (counted in the acks measured);
    # waitress warns at each, which would bury the figures.
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    with (
        tempfile.TemporaryDirectory(prefix="kickoff-acks-") as folder,
        FakeSlack(bot_token=TOKEN).start() as fake,
    ):
        populate(fake, options.people)
        settings = bench_settings(fake, options.database_url or f"sqlite:///{folder}/acks.db")
        report(run(fake, settings, people, options.delay), settings, options.delay)


if __name__ == "__main__":
    main()
