"""Only requests signed with the app's secret, and fresh, reach a listener; nothing else runs."""

from __future__ import annotations

import json
import logging
import urllib.parse
import urllib.request
from datetime import timedelta

import pytest

from bot.clock import VirtualClock
from bot.fakeslack import FakeSlack, SignedSender
from bot.fakeslack.workspace import Json
from bot.ids import ActionId, CallbackId, SurveyField
from bot.logs import PAYLOAD_LOGGERS

FORM = {"Content-Type": "application/x-www-form-urlencoded"}
JSON = {"Content-Type": "application/json"}
SECRET_ANSWER = "the kickoff dinner was a waste of everyone's evening"
ANSWERING = "USURVEYED"


def command(fake: FakeSlack, text: str = "help") -> bytes:
    """`/kickoff TEXT` as Slack posts it, answering to a response_url on the fake server."""
    form = {
        "command": "/kickoff",
        "text": text,
        "user_id": "U1",
        "team_id": fake.workspace.team_id,
        "channel_id": "C1",
        "response_url": fake.response_url(),
        "trigger_id": fake.trigger_id(),
    }
    return urllib.parse.urlencode(form).encode()


def survey_answer(slack: SignedSender) -> None:
    """A survey answer with a score and a text, as the answer modal submits it."""
    values: dict[str, dict[str, Json]] = {
        SurveyField.SCORE: {
            ActionId.SURVEY_INPUT: {"type": "static_select", "selected_option": {"value": "3"}}
        },
        SurveyField.KILL: {
            ActionId.SURVEY_INPUT: {"type": "plain_text_input", "value": SECRET_ANSWER}
        },
    }
    response = slack.view_submission(
        user_id=ANSWERING, callback_id=CallbackId.SURVEY_ANSWER, values=values, private_metadata="1"
    )
    assert response.status == 401


@pytest.fixture
def everything_logged(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """Every record at DEBUG, the Slack libraries' too."""
    for name in ("", *PAYLOAD_LOGGERS):
        caplog.set_level(logging.DEBUG, logger=name)
    return caplog


def test_a_forged_signature_gets_401_and_nothing_runs(
    slack: SignedSender, fake_slack: FakeSlack
) -> None:
    response = slack.send_raw(command(fake_slack), FORM, secret="not-the-secret")
    assert response.status == 401
    assert fake_slack.calls_to("users.info") == []


@pytest.mark.parametrize("timestamp", ["x", "", " 1", "-1", "1e9"])
def test_a_timestamp_that_is_not_a_number_gets_401_and_nothing_is_posted(
    slack: SignedSender, fake_slack: FakeSlack, timestamp: str
) -> None:
    calls_before = len(fake_slack.calls)
    assert slack.send_raw(command(fake_slack), FORM, timestamp=timestamp).status == 401
    # A genuine command afterwards: once its answer is in, the forged one had its chance to run.
    slack.command_reply("/kickoff", "help", user_id="U1", channel_id="C1")
    assert len(fake_slack.responses) == 1  # the genuine answer alone
    assert fake_slack.calls_to("chat.postMessage") == []
    assert all(call.method == "users.info" for call in fake_slack.calls[calls_before:])


def test_a_stale_request_gets_401(slack: SignedSender, fake_slack: FakeSlack) -> None:
    stale = int((fake_slack.clock.now() - timedelta(minutes=6)).timestamp())
    response = slack.send_raw(command(fake_slack), FORM, timestamp=stale)
    assert response.status == 401
    assert fake_slack.calls_to("users.info") == []


def test_a_late_survey_answer_leaves_no_answer_and_no_person_in_the_log(
    slack: SignedSender, fake_slack: FakeSlack, everything_logged: pytest.LogCaptureFixture
) -> None:
    late = VirtualClock(fake_slack.clock.now() - timedelta(minutes=6))
    sender = SignedSender(url=slack.url, signing_secret=slack.signing_secret, fake=fake_slack,
                          clock=late)
    calls_before = len(fake_slack.calls)
    survey_answer(sender)
    assert SECRET_ANSWER not in everything_logged.text
    assert ANSWERING not in everything_logged.text
    assert fake_slack.calls[calls_before:] == []


def test_a_body_that_is_not_utf8_gets_401(slack: SignedSender) -> None:
    assert slack.send_raw(b"payload=\xff\xfe", FORM).status == 401


@pytest.mark.parametrize(
    ("body", "headers"),
    [
        (b"payload=not-json", FORM),
        (urllib.parse.urlencode({"payload": '{"type": "block_actions", "user'}).encode(), FORM),
        (b'{"type": "event_callback", "event": {"type": "app_home_op', JSON),
        (urllib.parse.urlencode({"payload": "[1, 2]"}).encode(), FORM),
        (json.dumps(["event_callback"]).encode(), JSON),
    ],
    ids=["payload-not-json", "payload-cut-off", "event-cut-off", "payload-a-list", "event-a-list"],
)
def test_a_signed_body_that_does_not_parse_gets_400_and_no_traceback(
    slack: SignedSender,
    fake_slack: FakeSlack,
    everything_logged: pytest.LogCaptureFixture,
    body: bytes,
    headers: dict[str, str],
) -> None:
    calls_before = len(fake_slack.calls)
    assert slack.send_raw(body, headers).status == 400
    assert "Traceback" not in everything_logged.text
    assert [r for r in everything_logged.records if r.exc_info or r.levelno >= logging.ERROR] == []
    assert fake_slack.calls[calls_before:] == []


def test_a_correctly_signed_request_is_acknowledged(
    slack: SignedSender, fake_slack: FakeSlack
) -> None:
    assert slack.send_raw(command(fake_slack), FORM).status == 200


def test_the_health_check_reports_the_database(slack: SignedSender) -> None:
    url = slack.url.replace("/slack/events", "/healthz")
    with urllib.request.urlopen(url, timeout=5) as response:
        assert (response.status, response.read()) == (200, b"ok\n")
