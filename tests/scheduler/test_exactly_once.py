"""Nothing is sent twice, and nothing is lost: crashes, several workers, Slack's errors."""

from __future__ import annotations

import signal
from datetime import timedelta

import pytest
from slack_sdk import WebClient

from bot.fakeslack import FakeSlack
from scheduler.config import DispatchConfig
from scheduler.dispatcher import Dispatcher
from tests.conftest import BOT_TOKEN
from tests.databases import Database
from tests.scheduler.fanout import (
    count_sent,
    messages_per_user,
    queue_dms,
    start_worker,
    wait_until,
)


def test_a_worker_killed_mid_fanout_and_restarted_delivers_each_message_once(
    database: Database, fake_slack: FakeSlack
) -> None:
    users = queue_dms(database, fake_slack, 500, now=fake_slack.clock.now())
    pace = {"send_per_minute": "3000", "channel_interval_seconds": "0", "lease_seconds": "1"}
    first = start_worker(database, fake_slack, **pace)
    try:
        wait_until(
            lambda: len(fake_slack.calls_to("chat.postMessage")) >= 150,
            timeout=60,
            what="the first worker to be mid fan-out",
        )
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        first.kill()
    assert 150 <= len(fake_slack.calls_to("chat.postMessage")) < 500
    second = start_worker(database, fake_slack, **pace)
    try:
        wait_until(lambda: count_sent(database) == 500, timeout=90, what="all 500 rows sent")
    finally:
        second.terminate()
        second.wait(timeout=10)
    assert set(messages_per_user(fake_slack, users).values()) == {1}


def test_three_workers_on_postgresql_send_2000_rows_exactly_once(
    postgres_url: str, database: Database, fake_slack: FakeSlack
) -> None:
    if database.url != postgres_url:
        pytest.skip("several processes claiming rows together is PostgreSQL's job")
    users = queue_dms(database, fake_slack, 2000, now=fake_slack.clock.now())
    workers = [
        start_worker(database, fake_slack, send_per_minute="120000", channel_interval_seconds="0")
        for _ in range(3)
    ]
    try:
        wait_until(lambda: count_sent(database) == 2000, timeout=120, what="2,000 rows sent")
    finally:
        for worker in workers:
            worker.terminate()
            worker.wait(timeout=10)
    assert len(fake_slack.calls_to("chat.postMessage")) == 2000
    assert set(messages_per_user(fake_slack, users).values()) == {1}


def test_rate_limits_and_server_errors_lose_nothing_and_send_nothing_twice(
    database: Database, virtual_slack: FakeSlack
) -> None:
    """On a virtual clock shared by the dispatcher and the fake Slack: every Retry-After, the
    caution after a 429 and the pacing are waited out in full, in no real time."""
    fake = virtual_slack
    now = fake.clock.now()
    users = queue_dms(database, fake, 200, now=now)
    fake.set_random_faults(
        rate_429=0.2, rate_503=0.05, retry_after=1, seed=7, methods=("chat.postMessage",)
    )
    dispatcher = Dispatcher(
        session_factory=database.session_factory,
        client=WebClient(token=BOT_TOKEN, base_url=fake.api_url),
        planners=[],
        # One lane: on a virtual clock, lanes waiting side by side would all wake at the latest
        # lane's instant, a bunching real time never shows (the lanes have tests of their own).
        config=DispatchConfig(
            per_minute=1200, channel_interval=0.0, retry_backoff=0.05, lanes=1
        ),
        clock=fake.clock,
    )
    try:
        result = dispatcher.dispatch(now=now)
    finally:
        dispatcher.close()
    assert result.sent == 200
    assert fake.rate_limited_calls > 0
    assert fake.retry_after_violations == 0
    assert set(messages_per_user(fake, users).values()) == {1}
    assert fake.clock.now() - now >= timedelta(seconds=fake.rate_limited_calls)
