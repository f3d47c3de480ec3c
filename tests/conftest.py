"""Shared fixtures: every DB test runs on SQLite and PostgreSQL; Slack is the local fake server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from pydantic import SecretStr
from slack_sdk import WebClient

from bot.app import create_app, listener_pool
from bot.clock import SystemClock, VirtualClock, system_clock
from bot.fakeslack import FakeSlack, SignedSender
from bot.features.registry import REGISTRY
from bot.metrics_api import metrics_api
from bot.settings import Settings
from bot.verify import RequestGate
from bot.web import EVENTS_PATH, BackgroundServer, create_wsgi_app
from scheduler.config import DispatchConfig
from scheduler.dispatcher import Dispatcher
from tests.databases import (
    Database,
    empty_all_tables,
    open_database,
    postgres_database,
    postgres_reachable,
)

SIGNING_SECRET = "test-signing-secret"
BOT_TOKEN = "xoxb-fake"
ADMIN_ID = "UADMIN"
# Pacing out of the way, so dispatcher tests take milliseconds; pacing has tests of its own.
FAST = DispatchConfig(
    per_minute=600_000, channel_interval=0.0, lease_margin=30.0, retry_backoff=0.01
)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """One PostgreSQL database for the whole run (CI must have it; elsewhere it may be skipped)."""
    if not postgres_reachable():
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not reachable, and CI must test on it")
        pytest.skip("PostgreSQL is not reachable")
    with postgres_database() as url:
        open_database(url).engine.dispose()
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    """An empty database with every table, on each engine kickoff-bot supports."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("db") / "kickoff.db"
        db = open_database(f"sqlite:///{path}")
        yield db
        db.engine.dispose()
        return
    db = open_database(request.getfixturevalue("postgres_url"), create_schema=False)
    yield db
    empty_all_tables(db)
    db.engine.dispose()


@pytest.fixture
def clock() -> Iterator[SystemClock]:
    """The process's one clock (moved by KICKOFF_CLOCK_AT or not), shared by the app, the fake
    Slack, the dispatcher and the shell; a test whose world lives on particular dates moves it
    to an explicit instant (`clock.move_to`), and it is put back afterwards."""
    clock = system_clock()
    offset = clock.offset
    yield clock
    clock.offset = offset


@pytest.fixture
def fake_slack(clock: SystemClock) -> Iterator[FakeSlack]:
    """A running fake Slack Web API server on the test's clock."""
    with FakeSlack(bot_token=BOT_TOKEN, clock=clock).start() as fake:
        yield fake


@pytest.fixture
def settings(fake_slack: FakeSlack, database: Database) -> Settings:
    """Settings pointing at the fake Slack server and the test database."""
    return Settings(
        _env_file=None,  # type: ignore[call-arg]  # pydantic-settings' init-only option
        slack_bot_token=SecretStr(BOT_TOKEN),
        slack_signing_secret=SecretStr(SIGNING_SECRET),
        slack_api_url=fake_slack.api_url,
        database_url=database.url,
        kickoff_admins=(ADMIN_ID,),
    )


@pytest.fixture
def virtual_slack() -> Iterator[FakeSlack]:
    """A fake Slack on a virtual clock: time moves only when someone waits on it, so a test can
    wait out Retry-After and Slack's real pace in full, in no real time."""
    clock = VirtualClock(datetime(2027, 3, 15, 9, tzinfo=UTC))
    with FakeSlack(bot_token=BOT_TOKEN, clock=clock).start() as fake:
        yield fake


@pytest.fixture
def slack_client(fake_slack: FakeSlack) -> WebClient:
    """A real WebClient on the fake server."""
    return WebClient(token=BOT_TOKEN, base_url=fake_slack.api_url)


@pytest.fixture
def app_server(
    settings: Settings, database: Database, clock: SystemClock
) -> Iterator[BackgroundServer]:
    """The real Bolt app behind waitress on loopback, as `kickoff-bot serve` runs it."""
    listeners = listener_pool(settings)
    app = create_app(settings, database.session_factory, listener_executor=listeners, clock=clock)
    gate = RequestGate(settings.signing_secret(), clock=clock)
    wsgi = create_wsgi_app(app, database.engine, gate,
                           api=metrics_api(database.session_factory, clock))
    server = BackgroundServer(wsgi, threads=settings.http_threads).start()
    yield server
    server.stop()
    listeners.shutdown(wait=True)  # no listener may still be writing when the tables are emptied


@pytest.fixture
def slack(app_server: BackgroundServer, fake_slack: FakeSlack) -> SignedSender:
    """Sends correctly signed Slack requests to the app."""
    return SignedSender(
        url=app_server.url + EVENTS_PATH, signing_secret=SIGNING_SECRET, fake=fake_slack
    )


@pytest.fixture
def dispatcher(
    database: Database, slack_client: WebClient, settings: Settings, clock: SystemClock
) -> Iterator[Dispatcher]:
    """The dispatcher with every feature's planner, paced for tests."""
    sender = Dispatcher(
        session_factory=database.session_factory,
        client=slack_client,
        planners=REGISTRY.planners(settings),
        config=FAST,
        clock=clock,
    )
    yield sender
    sender.close()
