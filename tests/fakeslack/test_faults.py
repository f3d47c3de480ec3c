"""Injected failures and rate limits, as a WebClient (or the Faults clock) sees them."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.fakeslack import FakeSlack
from bot.fakeslack.faults import Failure, Faults


@pytest.fixture
def fake(fake_slack: FakeSlack) -> FakeSlack:
    """The fake with one member, Ana, in one channel the bot is in."""
    fake_slack.add_user("U1", name="ana", email="ana@example.com")
    fake_slack.add_channel("C1", "kickoff-standups", members=["U1"])
    return fake_slack


@pytest.fixture
def client(fake: FakeSlack) -> WebClient:
    """A real WebClient on the fake, with the bot's token."""
    return WebClient(token=fake.bot_token, base_url=fake.api_url)


def post(client: WebClient, channel: str = "C1") -> tuple[int, str, str | None]:
    """Post once; return the status, the error ('' when ok) and the Retry-After header."""
    try:
        response = client.chat_postMessage(channel=channel, text="hello")
    except SlackApiError as error:
        answer = error.response
        return answer.status_code, answer["error"], answer.headers.get("Retry-After")
    return response.status_code, "", None


def test_a_queued_429_raises_with_its_retry_after(fake: FakeSlack, client: WebClient) -> None:
    fake.fail_next("chat.postMessage", error="ratelimited", status=429, retry_after=7)

    assert post(client) == (429, "ratelimited", "7")
    assert fake.messages("C1") == []
    assert fake.rate_limited_calls == 1


def test_503s_fail_as_many_times_as_queued(fake: FakeSlack, client: WebClient) -> None:
    fake.fail_next("chat.postMessage", status=503, times=2)

    outcomes = [post(client) for _ in range(3)]
    assert outcomes[:2] == [(503, "service_unavailable", None)] * 2
    assert outcomes[2][:2] == (200, "")
    assert len(fake.messages("C1")) == 1


def test_a_failing_user_fails_by_id_and_by_dm(fake: FakeSlack, client: WebClient) -> None:
    fake.add_user("U9", name="gone")
    fake.fail_for_user("U9", error="user_not_found")

    assert post(client, "U9") == (200, "user_not_found", None)
    assert post(client, fake.dm_channel("U9")) == (200, "user_not_found", None)
    with pytest.raises(SlackApiError, match="user_not_found"):
        client.users_info(user="U9")
    assert post(client, "U1")[:2] == (200, "")


def test_random_faults_repeat_with_the_seed_and_spare_other_methods(
    fake: FakeSlack, client: WebClient
) -> None:
    runs = []
    for _ in range(2):
        fake.set_random_faults(rate_429=0.3, rate_503=0.2, seed=7, methods=("chat.postMessage",))
        runs.append([post(client)[0] for _ in range(30)])
        assert all(client.auth_test()["ok"] for _ in range(5))
    assert runs[0] == runs[1]
    assert {200, 429, 503} == set(runs[0])


def test_a_channel_limit_answers_429_above_it_and_counts(
    fake: FakeSlack, client: WebClient
) -> None:
    fake.limit_rate(per_channel_per_second=2)

    assert [post(client)[0] for _ in range(2)] == [200, 200]
    assert post(client) == (429, "ratelimited", "1")
    assert post(client, "U1")[0] == 200  # another channel has its own window
    assert fake.rate_limited_calls == 1
    assert len(fake.messages("C1")) == 2


def test_only_successful_sends_use_up_the_limit(fake: FakeSlack, client: WebClient) -> None:
    fake.limit_rate(per_workspace_per_minute=1)

    assert post(client, "C404")[:2] == (200, "channel_not_found")
    assert post(client)[:2] == (200, "")
    status, error, retry_after = post(client)
    assert (status, error) == (429, "ratelimited")
    assert retry_after is not None
    assert 59 <= int(retry_after) <= 60


def test_the_limit_holds_exactly_under_concurrent_senders(
    fake: FakeSlack, client: WebClient
) -> None:
    fake.limit_rate(per_workspace_per_minute=50)

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(lambda _: post(client)[0], range(120)))
    assert statuses.count(200) == 50 == len(fake.messages("C1"))
    assert fake.rate_limited_calls == 70


def test_retry_after_is_the_time_until_a_slot_frees() -> None:
    now = [0.0]
    faults = Faults(clock=lambda: now[0])
    faults.limit_rate(per_workspace_per_minute=2)
    for at in (0.0, 10.0):
        now[0] = at
        faults.record_send("chat.postMessage", {"channel": "C1"})

    now[0] = 30.2
    assert faults.check("chat.update", {"channel": "C1"}) == Failure(429, "ratelimited", 30)
    now[0] = 60.5
    assert faults.check("chat.postMessage", {"channel": "C1"}) is None


def test_a_strict_one_second_window_allows_a_minutes_limit_only_a_sixtieth_at_a_time() -> None:
    now = [0.0]
    faults = Faults(clock=lambda: now[0])
    faults.limit_rate(per_workspace_per_minute=600, workspace_window=1.0)
    for n in range(10):
        now[0] = n * 0.05
        assert faults.check("chat.postMessage", {"channel": f"U{n}"}) is None
        faults.record_send("chat.postMessage", {"channel": f"U{n}"})

    now[0] = 0.6
    assert faults.check("chat.postMessage", {"channel": "U10"}) == Failure(429, "ratelimited", 1)
    now[0] = 1.01  # the first send has left the window
    assert faults.check("chat.postMessage", {"channel": "U10"}) is None


def test_calls_inside_an_announced_retry_after_are_violations() -> None:
    now = [0.0]
    faults = Faults(clock=lambda: now[0])
    faults.fail_next("chat.postMessage", retry_after=2)
    assert faults.check("chat.postMessage", {}) == Failure(429, "ratelimited", 2)

    now[0] = 1.0
    faults.check("chat.postMessage", {})
    faults.check("users.info", {})  # another method's calls are not affected
    now[0] = 2.0
    faults.check("chat.postMessage", {})
    assert faults.retry_after_violations == 1


def test_violations_are_counted_over_http(fake: FakeSlack, client: WebClient) -> None:
    fake.fail_next("chat.postMessage", retry_after=1)
    post(client)
    post(client)
    assert fake.retry_after_violations == 1


def test_latency_delays_every_call(fake: FakeSlack, client: WebClient) -> None:
    fake.set_latency(0.05)
    started = time.monotonic()
    client.auth_test()
    assert time.monotonic() - started >= 0.05
