"""Trigger ids that expire after 3 s and a views.open that answers late, on a virtual clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.clock import VirtualClock
from bot.fakeslack import FakeSlack

MODAL = {"type": "modal", "title": {"type": "plain_text", "text": "Standup"}, "blocks": []}


@pytest.fixture
def clock() -> VirtualClock:
    """Time that only moves when a test (or a late answer) moves it."""
    return VirtualClock(datetime(2027, 3, 12, 9, tzinfo=UTC))


@pytest.fixture
def fake(clock: VirtualClock) -> Iterator[FakeSlack]:
    """A fake Slack on the virtual clock."""
    with FakeSlack(clock=clock).start() as fake:
        yield fake


@pytest.fixture
def client(fake: FakeSlack) -> WebClient:
    """A real WebClient on the fake."""
    return WebClient(token=fake.bot_token, base_url=fake.api_url)


def open_error(client: WebClient, trigger: str) -> str:
    """The error views.open answers with ('' when the modal opened)."""
    try:
        client.views_open(trigger_id=trigger, view=MODAL)
    except SlackApiError as error:
        return str(error.response["error"])
    return ""


def test_a_trigger_id_expires_three_seconds_after_the_interaction(
    fake: FakeSlack, client: WebClient, clock: VirtualClock
) -> None:
    late, in_time = fake.trigger_id(), fake.trigger_id()
    clock.advance(2.9)
    assert open_error(client, in_time) == ""
    clock.advance(0.2)
    assert open_error(client, late) == "expired_trigger_id"


def test_a_slow_views_open_answers_late_but_spends_the_trigger_on_arrival(
    fake: FakeSlack, client: WebClient, clock: VirtualClock
) -> None:
    fake.set_latency(2.0, method="views.open")
    trigger = fake.trigger_id()
    clock.advance(2.5)
    started = clock.now()
    assert open_error(client, trigger) == ""
    assert (clock.now() - started).total_seconds() == pytest.approx(2.0)
    assert len(fake.views) == 1


def test_one_slow_method_leaves_the_others_quick(
    fake: FakeSlack, client: WebClient, clock: VirtualClock
) -> None:
    fake.set_latency(2.0, method="views.open")
    started = clock.now()
    client.auth_test()
    assert clock.now() == started
