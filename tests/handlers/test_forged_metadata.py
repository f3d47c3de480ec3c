"""Every modal and button that reads back what kickoff-bot put in it refuses a forged value at
once, with a clear message and nothing changed (never an unexpected error, never a 404)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import ActionId, CallbackId, SurveyField

FORGED = "not one kickoff-bot made"
SCORE: dict[str, Any] = {
    SurveyField.SCORE: {ActionId.SURVEY_INPUT: {"selected_option": {"value": "7"}}}
}
MODALS: list[tuple[str, dict[str, Any]]] = [
    (CallbackId.PROGRAM_SETUP, {}),
    (CallbackId.SEND_TEST, {}),
    (CallbackId.ROSTER_UPLOAD, {}),
    (CallbackId.ROSTER_SYNC, {}),
    (CallbackId.COACHING_LOG, {}),
    (CallbackId.SURVEY_ANSWER, SCORE),
]


@pytest.mark.parametrize(("callback_id", "values"), MODALS)
@pytest.mark.parametrize("metadata", ["{not json", '["program"]', '{"program": "x", "item": []}'])
def test_a_modal_with_forged_metadata_says_so_at_once(
    slack: SignedSender, fake_slack: FakeSlack, callback_id: str, values: dict[str, Any],
    metadata: str,
) -> None:
    response = slack.view_submission(user_id="UADMIN", callback_id=callback_id, values=values,
                                     private_metadata=metadata)
    assert response.status == 200  # the refusal is in the ack itself, never a 404 after 3 s
    assert FORGED in json.dumps(response.json)
    assert not fake_slack.calls_to("chat.postMessage")  # answered in the modal, nothing else


@pytest.mark.parametrize(("action_id", "value"), [
    (ActionId.PROGRAM_EDIT, "seven"),
    (ActionId.SURVEY_CLOSE, "-1"),
    (ActionId.SURVEY_ANSWER, ""),
    (ActionId.COACHING_CONFIRM, "x:1"),
])
def test_a_button_with_a_forged_value_says_so_at_once(
    slack: SignedSender, fake_slack: FakeSlack, action_id: str, value: str
) -> None:
    fake_slack.add_user("UADMIN", real_name="Sam Admin")
    response = slack.action(user_id="UADMIN", action_id=action_id, value=value,
                            message={"ts": "1.1"}, channel_id="DADMIN")
    assert response.status == 200
    fake_slack.wait_for(lambda: bool(fake_slack.responses))
    assert FORGED in fake_slack.responses[-1]["text"]
