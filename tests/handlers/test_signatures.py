"""Only requests signed with the app's secret, and fresh, reach a listener."""

from __future__ import annotations

import urllib.parse
import urllib.request

from bot.fakeslack import FakeSlack, SignedSender

BODY = urllib.parse.urlencode(
    {
        "command": "/kickoff",
        "text": "help",
        "user_id": "U1",
        "team_id": "T0KICKOFF",
        "channel_id": "C1",
        "response_url": "http://127.0.0.1:9/unused",
        "trigger_id": "1.2.3",
    }
).encode()
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def test_a_forged_signature_gets_401_and_nothing_runs(
    slack: SignedSender, fake_slack: FakeSlack
) -> None:
    response = slack.send_raw(BODY, FORM, secret="not-the-secret")
    assert response.status == 401
    assert fake_slack.calls_to("users.info") == []


def test_a_stale_request_gets_401(slack: SignedSender, fake_slack: FakeSlack) -> None:
    stale = int(fake_slack.clock.now().timestamp()) - 6 * 60
    response = slack.send_raw(BODY, FORM, timestamp=stale)
    assert response.status == 401
    assert fake_slack.calls_to("users.info") == []


def test_a_correctly_signed_request_is_acknowledged(slack: SignedSender) -> None:
    assert slack.send_raw(BODY, FORM).status == 200


def test_the_health_check_reports_the_database(slack: SignedSender) -> None:
    url = slack.url.replace("/slack/events", "/healthz")
    with urllib.request.urlopen(url, timeout=5) as response:
        assert (response.status, response.read()) == (200, b"ok\n")
