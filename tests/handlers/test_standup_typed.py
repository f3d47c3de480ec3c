"""What a rep types into the DM and reuses as the activity is kept whole: stored, referenced by
id from the button, never cut to fit a button value, and usable by that rep only."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select

from bot.domain.standups.fields import MAX_CHARS
from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import ActionId, BlockId
from db.models import StandupAnswer, StandupTypedText
from scheduler.dispatcher import Dispatcher
from tests.databases import Database
from tests.handlers.standup_slack import click, last_dm, open_modal, submit, type_in_dm
from tests.standup_world import add_slack_people, build_world, utc

PROMPT_AT = utc(2027, 3, 12, 8)  # Fri 09:00 in Berlin: Lena's Day 1 prompt
LATER = utc(2027, 3, 12, 8, 30)
# Quotes and backslashes double under JSON: this once lost half its length to a button value.
HEAVY = ('"' * 300 + "\\" * 300 + ' He said "ship it" \\o/ :rocket: 🚀👩🏽‍💻 *b* _i_ ~s~ `c` '
         "a < b & c > d <!channel> ")
LONG = HEAVY + "x" * (2100 - len(HEAVY))


@pytest.fixture
def prompted(database: Database, fake_slack: FakeSlack, dispatcher: Dispatcher) -> None:
    """Lena's Day 1 prompt is in her DM."""
    add_slack_people(fake_slack)
    with database.session_factory.begin() as session:
        build_world(session)
    dispatcher.tick(now=PROMPT_AT)


def slack_text(typed: str) -> str:
    """`typed` as Slack sends it in the event: &, < and > escaped, <!channel> kept a token."""
    escaped = typed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return escaped.replace("&lt;!channel&gt;", "<!channel>")


def activity_of(view: dict[str, Any]) -> str:
    """The activity input's initial value."""
    block = next(b for b in view["blocks"] if b.get("block_id") == BlockId.STANDUP_ACTIVITY)
    return str(block["element"]["initial_value"])


@pytest.mark.usefixtures("prompted")
def test_quote_heavy_typed_text_becomes_the_activity_whole(
    slack: SignedSender, fake_slack: FakeSlack, database: Database
) -> None:
    assert len(HEAVY) <= MAX_CHARS
    type_in_dm(slack, "UBER", slack_text(HEAVY), when=LATER)
    reply = last_dm(fake_slack, "UBER")
    value = json.loads(reply["blocks"][1]["elements"][0]["value"])
    assert set(value) == {"p", "r", "d", "t"}  # an id, not the text
    view = open_modal(slack, "UBER", reply, when=LATER)
    assert activity_of(view) == HEAVY.strip()
    response = submit(slack, "UBER", view, when=LATER, activity=activity_of(view))
    assert response.json is not None
    assert "Posted in" in json.dumps(response.json)
    fake_slack.wait_for(lambda: bool(fake_slack.calls_to("chat.update")))
    prompt = fake_slack.messages(fake_slack.dm_channel("UBER"))[0]
    assert fake_slack.calls_to("chat.update")[-1].params["ts"] == prompt["ts"]
    with database.session_factory() as session:
        assert session.scalars(select(StandupAnswer.activity)).one() == HEAVY.strip()


@pytest.mark.usefixtures("prompted")
def test_a_long_message_is_stored_whole_and_the_cut_is_said(
    slack: SignedSender, fake_slack: FakeSlack, database: Database
) -> None:
    type_in_dm(slack, "UBER", slack_text(LONG), when=LATER)
    reply = last_dm(fake_slack, "UBER")
    assert "the first 1,000 are filled in" in str(reply["blocks"])
    with database.session_factory() as session:
        assert session.scalars(select(StandupTypedText.text)).one() == LONG.strip()
    view = open_modal(slack, "UBER", reply, when=LATER)
    assert activity_of(view) == LONG.strip()[:MAX_CHARS]


@pytest.mark.usefixtures("prompted")
def test_another_reps_typed_text_cannot_be_borrowed(
    slack: SignedSender, fake_slack: FakeSlack
) -> None:
    type_in_dm(slack, "UBER", "Lena's private plan", when=LATER)
    lena = json.loads(last_dm(fake_slack, "UBER")["blocks"][1]["elements"][0]["value"])
    type_in_dm(slack, "UKOL", "Arjun's note", when=LATER)
    arjun = last_dm(fake_slack, "UKOL")
    assert "Answer, using my message" in str(arjun["blocks"])  # 14:00 in Kolkata: open
    value = json.loads(arjun["blocks"][1]["elements"][0]["value"]) | {"t": lena["t"]}
    forged = arjun | {"blocks": [{"type": "actions", "elements": [
        {"type": "button", "action_id": ActionId.STANDUP_ANSWER, "value": json.dumps(value)}]}]}
    opened = len(fake_slack.calls_to("views.open"))
    click(slack, "UKOL", forged, ActionId.STANDUP_ANSWER, when=LATER)
    assert "not one you typed" in fake_slack.responses[-1]["text"]
    assert len(fake_slack.calls_to("views.open")) == opened
