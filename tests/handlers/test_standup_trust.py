"""Nothing a rep's client sends back is trusted: forged standup metadata and button values
update no message but the rep's own stored prompt, are answered at once, and change nothing."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from bot.fakeslack import FakeSlack, SignedSender, SlackResponse
from bot.ids import ActionId, BlockId, CallbackId
from scheduler.dispatcher import Dispatcher
from tests.databases import Database
from tests.handlers.standup_slack import at, click, last_dm, open_modal, submit
from tests.standup_world import CHANNEL, add_slack_people, build_world, utc

PROMPT_AT = utc(2027, 3, 12, 8)  # Fri 09:00 in Berlin: Lena's Day 1 prompt
ANSWER_AT = utc(2027, 3, 12, 8, 5)


@pytest.fixture
def answered(
    database: Database, fake_slack: FakeSlack, dispatcher: Dispatcher, slack: SignedSender
) -> dict[str, Any]:
    """Lena answered Day 1 with a blocker: the day's header is in the channel, her manager has
    the blocker DM, and her prompt shows the answer with Edit."""
    add_slack_people(fake_slack)
    with database.session_factory.begin() as session:
        build_world(session)
    dispatcher.tick(now=PROMPT_AT)
    view = open_modal(slack, "UBER", last_dm(fake_slack, "UBER"), when=ANSWER_AT)
    submit(slack, "UBER", view, when=ANSWER_AT, blocker="Legal is slow")
    fake_slack.wait_for(lambda: bool(fake_slack.calls_to("chat.update")))
    dispatcher.tick(now=utc(2027, 3, 12, 8, 6))
    return last_dm(fake_slack, "UBER")


def forged_submit(
    slack: SignedSender, metadata: str, *, activity: str = "Forged"
) -> SlackResponse:
    """Submit Lena's standup modal with `metadata`; the app's answer (the ack itself)."""
    values: dict[str, dict[str, dict[str, Any]]] = {
        block: {ActionId.STANDUP_TEXT: {"type": "plain_text_input", "value": text}}
        for block, text in ((BlockId.STANDUP_ACTIVITY, activity), (BlockId.STANDUP_WIN, "Win"))
    }
    at(slack.fake, utc(2027, 3, 12, 9))
    return slack.view_submission(user_id="UBER", callback_id=CallbackId.STANDUP_ANSWER,
                                 values=values, private_metadata=metadata)


def updated_since(fake: FakeSlack, before: int) -> set[tuple[str, str]]:
    """(channel, ts) of every chat.update after the first `before`."""
    return {(c.params["channel"], c.params["ts"]) for c in fake.calls_to("chat.update")[before:]}


def targets(fake: FakeSlack) -> dict[str, tuple[str, str]]:
    """Messages the bot posted that a forged modal would love to overwrite."""
    header = fake.messages(CHANNEL)[0]
    manager_dm = last_dm(fake, "UMGRE")
    assert "Legal is slow" in str(manager_dm["blocks"])
    return {"day header": (CHANNEL, header["ts"]),
            "manager's blocker DM": (fake.dm_channel("UMGRE"), manager_dm["ts"]),
            "another rep's DM": (fake.dm_channel("ULA"), "1773300000.000100")}


@pytest.mark.parametrize("target", ["day header", "manager's blocker DM", "another rep's DM"])
def test_metadata_naming_a_message_updates_only_the_reps_own_prompt(
    slack: SignedSender, fake_slack: FakeSlack, answered: dict[str, Any], target: str
) -> None:
    channel, ts = targets(fake_slack)[target]
    metadata = {"p": 1, "r": "UBER", "d": 1, "v": 1, "s": "standup_prompt", "c": channel, "t": ts}
    before = len(fake_slack.calls_to("chat.update"))
    response = forged_submit(slack, json.dumps(metadata), activity="Call Initech")
    assert response.status == 200
    fake_slack.wait_for(lambda: len(fake_slack.calls_to("chat.update")) > before)
    assert updated_since(fake_slack, before) == {(fake_slack.dm_channel("UBER"), answered["ts"])}
    assert "Call Initech" in str(last_dm(fake_slack, "UBER")["blocks"])


@pytest.mark.parametrize(("metadata", "shown"), [
    ('{"p": 1, "r": "ULA", "d": 1, "v": 0}', "belongs to someone else"),
    ('{"p": 1, "r": "UBER", "d": 1, "v": 1, "s": "standup_thread"}', "not one kickoff-bot made"),
    ('{"p": 1, "r": "UBER", "d": "one", "v": 1}', "not one kickoff-bot made"),
    ("not json at all", "not one kickoff-bot made"),
    ("", "not one kickoff-bot made"),
])
def test_forged_metadata_is_answered_at_once_in_the_modal_and_changes_nothing(
    slack: SignedSender, fake_slack: FakeSlack, answered: dict[str, Any], metadata: str,
    shown: str,
) -> None:
    before = len(fake_slack.calls_to("chat.update"))
    response = forged_submit(slack, metadata)
    assert response.status == 200  # the refusal is in the ack itself, never a 404 after 3 s
    assert response.json is not None
    assert shown in json.dumps(response.json)
    time.sleep(0.2)  # anything the app would still do after answering
    assert updated_since(fake_slack, before) == set()
    assert "Forged" not in str(last_dm(fake_slack, "UBER")["blocks"])


@pytest.mark.parametrize("value", [
    "{", "[]", '{"p": 1, "r": "UBER"}', '{"p": 1, "r": "UBER", "d": 1, "t": "x"}',
])
def test_a_forged_button_value_gets_a_quick_clear_answer(
    slack: SignedSender, fake_slack: FakeSlack, answered: dict[str, Any], value: str
) -> None:
    forged = answered | {"blocks": [{"type": "actions", "elements": [
        {"type": "button", "action_id": ActionId.STANDUP_EDIT, "value": value}]}]}
    response = click(slack, "UBER", forged, ActionId.STANDUP_EDIT, when=utc(2027, 3, 12, 9))
    assert response.status == 200
    assert "not one kickoff-bot made" in fake_slack.responses[-1]["text"]
    assert fake_slack.responses[-1]["response_type"] == "ephemeral"
    assert not fake_slack.calls_to("views.open")[1:]  # only the modal of the real answer
