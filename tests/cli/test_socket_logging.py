"""`kickoff-bot socket` at LOG_LEVEL=DEBUG: no Socket Mode envelope or payload reaches the log."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.app import create_app
from bot.cli.serve import socket_mode_handler
from bot.ids import ActionId, CallbackId, SurveyField
from bot.logs import PAYLOAD_LOGGERS, configure_logging
from bot.settings import Settings
from tests.databases import Database

SECRET_ANSWER = "nobody read the pre-reading"
ANSWERING = "USOCKETANSWER"
ENVELOPE = {
    "envelope_id": "1d5b7f3e-socket",
    "type": "interactive",
    "accepts_response_payload": True,
    "payload": {
        "type": "view_submission",
        "team": {"id": "T0KICKOFF", "domain": "kickoff"},
        "user": {"id": ANSWERING, "name": "answering", "team_id": "T0KICKOFF"},
        "api_app_id": "A0KICKOFF",
        "trigger_id": "1.2.socket",
        "view": {
            "id": "VSOCKET",
            "type": "modal",
            "callback_id": CallbackId.SURVEY_ANSWER,
            "private_metadata": "1",
            "state": {"values": {SurveyField.KILL: {ActionId.SURVEY_INPUT: {
                "type": "plain_text_input", "value": SECRET_ANSWER}}}},
        },
    },
}


@pytest.fixture
def logging_as_the_cli(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Logging configured as `kickoff-bot socket` does at LOG_LEVEL=DEBUG, undone afterwards."""
    levels = {name: logging.getLogger(name).level for name in PAYLOAD_LOGGERS}
    caplog.set_level(logging.DEBUG)  # the root at DEBUG, as basicConfig would set it
    configure_logging("DEBUG")
    yield caplog
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


def test_socket_mode_logs_no_envelope_even_at_debug(
    settings: Settings, database: Database, logging_as_the_cli: pytest.LogCaptureFixture
) -> None:
    listeners = ThreadPoolExecutor(max_workers=2, thread_name_prefix="socket-listener")
    app = create_app(settings, database.session_factory, listener_executor=listeners)
    handler = socket_mode_handler(app, "xapp-fake")
    raw = json.dumps(ENVELOPE)
    try:
        # What slack_sdk's client and connection log of every frame and envelope, at DEBUG.
        handler.client.logger.debug("on_message invoked: (message: %s)", raw)
        logging.getLogger("slack_sdk.socket_mode.builtin.connection").debug("payload: %s", raw)
        handler.client.logger.info("A new session has been established")
        # The envelope through the real path: Bolt, the listener, the acknowledgement.
        handler.client.run_message_listeners(ENVELOPE, raw)
        listeners.shutdown(wait=True)
    finally:
        handler.client.close()
    assert "A new session has been established" in logging_as_the_cli.text  # INFO still logs
    assert SECRET_ANSWER not in logging_as_the_cli.text
    assert ANSWERING not in logging_as_the_cli.text
