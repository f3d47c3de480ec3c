"""Typing in the DM, `/kickoff standup`, and a manager resolving a blocker, through the real app."""

from __future__ import annotations

from typing import Any

import pytest

from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import ActionId, BlockId
from scheduler.dispatcher import Dispatcher
from tests.blockkit import assert_valid_blocks
from tests.databases import Database
from tests.handlers.standup_slack import (
    click,
    command,
    last_dm,
    open_modal,
    opened_view,
    send_ignored_event,
    submit,
    type_in_dm,
)
from tests.standup_world import add_slack_people, build_world, utc

PROMPT_AT = utc(2027, 3, 12, 8)  # Fri 09:00 in Berlin: Lena's Day 1 prompt
LATER = utc(2027, 3, 12, 8, 30)
TYPED = "Calling Acme today <!channel>"


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack) -> None:
    """The program in the database and the people in Slack."""
    add_slack_people(fake_slack)
    with database.session_factory.begin() as session:
        build_world(session)


def posts_to(fake: FakeSlack, user: str) -> list[dict[str, Any]]:
    """Messages in the bot's DM with `user`."""
    return fake.messages(fake.dm_channel(user))


@pytest.mark.usefixtures("world")
def test_typing_offers_the_message_as_todays_activity(
    slack: SignedSender, fake_slack: FakeSlack
) -> None:
    assert send_ignored_event(slack, "UBER", bot_id="B1").status == 200
    assert send_ignored_event(slack, "UBER", subtype="message_changed").status == 200
    type_in_dm(slack, "UBER", TYPED, when=LATER)
    reply = last_dm(fake_slack, "UBER")
    assert len(posts_to(fake_slack, "UBER")) == 1  # the bot's and the edited message: no reply
    assert_valid_blocks(reply["blocks"])
    assert "Day 1 of 5" in str(reply["blocks"])
    view = open_modal(slack, "UBER", reply, when=LATER)
    activity = next(b for b in view["blocks"] if b.get("block_id") == BlockId.STANDUP_ACTIVITY)
    assert activity["element"]["initial_value"] == TYPED


@pytest.mark.usefixtures("world")
def test_typing_when_nothing_is_open_says_when_the_next_standup_is(
    slack: SignedSender, fake_slack: FakeSlack
) -> None:
    type_in_dm(slack, "UBER", TYPED, when=utc(2027, 3, 13, 10))  # Saturday
    text = str(last_dm(fake_slack, "UBER")["blocks"])
    assert "Day 2 of 5 on Mon 15 Mar at 09:00 your time" in text
    assert "I have not saved your message" in text


@pytest.mark.usefixtures("world")
def test_the_command_opens_todays_modal_or_says_when_the_next_one_is(
    slack: SignedSender, fake_slack: FakeSlack, dispatcher: Dispatcher
) -> None:
    command(slack, "UBER", "standup", when=utc(2027, 3, 10, 12))
    next_one = "Your next one is Day 1 of 5 on Fri 12 Mar at 09:00 your time"
    assert next_one in fake_slack.responses[0]["text"]
    dispatcher.tick(now=PROMPT_AT)
    command(slack, "UBER", "standup", when=LATER)
    assert submit(slack, "UBER", opened_view(fake_slack), when=LATER).body == ""
    fake_slack.wait_for(lambda: bool(fake_slack.calls_to("chat.update")))
    assert "answered, thank you" in last_dm(fake_slack, "UBER")["text"]  # the prompt, updated


@pytest.mark.usefixtures("world")
def test_a_manager_resolves_a_blocker_and_the_rep_hears_of_it(
    slack: SignedSender, fake_slack: FakeSlack, dispatcher: Dispatcher, database: Database
) -> None:
    dispatcher.tick(now=PROMPT_AT)
    view = open_modal(slack, "UBER", last_dm(fake_slack, "UBER"), when=LATER)
    submit(slack, "UBER", view, when=LATER, blocker="Legal <!here> is slow & <@U0CEO>")
    dispatcher.tick(now=utc(2027, 3, 12, 8, 31))
    dm = last_dm(fake_slack, "UMGRE")
    assert "&lt;!here&gt; is slow &amp; &lt;@U0CEO&gt;" in str(dm["blocks"])
    assert "<!here>" not in str(dm["blocks"]) + dm["text"]
    before = len(fake_slack.responses)
    click(slack, "UKOL", dm, ActionId.STANDUP_RESOLVE, when=LATER, dm_of="UMGRE")
    assert "manager or a program admin" in fake_slack.responses[before]["text"]
    click(slack, "UMGRE", dm, ActionId.STANDUP_RESOLVE, when=LATER)
    resolved = fake_slack.responses[before + 1]
    assert resolved["replace_original"] is True
    assert "Resolved by <@UMGRE>" in str(resolved["blocks"])
    dispatcher.tick(now=utc(2027, 3, 12, 8, 32))
    assert "Hannah Weber marked your blocker" in last_dm(fake_slack, "UBER")["text"]
