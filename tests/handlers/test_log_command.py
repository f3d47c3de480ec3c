"""`/kickoff log @rep`: the mention parsed as Slack sends it, the rep's sessions, refusals."""

from __future__ import annotations

from typing import Any

import pytest

from bot.errors import InvalidInput
from bot.fakeslack import FakeSlack, SignedSender
from handlers.commands.log import parse_rep_mention
from tests.blockkit import assert_valid_blocks
from tests.coaching_world import World
from tests.databases import Database
from tests.handlers.coaching_support import build_live_world, ephemeral_after


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack) -> World:
    """The program with week 2 this week."""
    return build_live_world(database, fake_slack)


def log_command(slack: SignedSender, fake: FakeSlack, user: str, text: str) -> dict[str, Any]:
    """Type `/kickoff log TEXT` as `user`; the ephemeral answer."""
    before = len(fake.responses)
    slack.command("/kickoff", f"log {text}", user_id=user, channel_id="CGENERAL")
    answer = ephemeral_after(fake, before)
    assert answer["response_type"] == "ephemeral"
    return answer


@pytest.mark.parametrize(
    ("text", "user_id"),
    [("<@URANA|ana>", "URANA"), ("<@URANA>", "URANA"), ("  <@W0ABC|x y>  ", "W0ABC")],
)
def test_mentions_are_parsed_as_slack_escapes_them(text: str, user_id: str) -> None:
    assert parse_rep_mention(text) == user_id


@pytest.mark.parametrize("text", ["", "@ana", "ana", "<@URANA|ana> <@URBEN|ben>", "<#C123|x>"])
def test_anything_but_one_mention_is_refused(text: str) -> None:
    with pytest.raises(InvalidInput, match="Name one rep as a mention"):
        parse_rep_mention(text)


@pytest.mark.usefixtures("world")
@pytest.mark.parametrize("user", ["UMLA", "UPADMIN"])
def test_the_manager_or_an_admin_sees_the_reps_sessions_with_log_buttons(
    slack: SignedSender, fake_slack: FakeSlack, user: str
) -> None:
    answer = log_command(slack, fake_slack, user, "<@URANA|ana>")
    assert_valid_blocks(answer["blocks"])
    assert answer["text"] == "Coaching with Rep Ana: 6 to log"
    lines = [b["text"]["text"] for b in answer["blocks"] if "accessory" in b]
    assert len(lines) == 6
    assert lines[0].startswith("Week 2 · *1:1* · due ")
    assert {b["accessory"]["text"]["text"] for b in answer["blocks"] if "accessory" in b} == {
        "Log"}


@pytest.mark.usefixtures("world")
@pytest.mark.parametrize(
    ("user", "text", "message"),
    [
        ("UMBER", "<@URANA|ana>", "Only Rep Ana's manager or a program admin can log coaching"),
        ("URANA", "<@URANA|ana>", "Only Rep Ana's manager or a program admin can log coaching"),
        ("UMLA", "<@UOUT|otto>", "That person is not a rep with a manager in an active kickoff"),
        ("UMLA", "ana", "Name one rep as a mention, e.g. `/kickoff log @ana`."),
    ],
)
def test_others_are_refused_clearly(
    slack: SignedSender, fake_slack: FakeSlack, user: str, text: str, message: str
) -> None:
    assert message in log_command(slack, fake_slack, user, text)["text"]


@pytest.mark.usefixtures("world")
def test_help_lists_log_for_managers_only(slack: SignedSender, fake_slack: FakeSlack) -> None:
    before = len(fake_slack.responses)
    slack.command("/kickoff", "help", user_id="UMLA", channel_id="CGENERAL")
    assert "/kickoff log @rep" in str(ephemeral_after(fake_slack, before)["blocks"])
    before = len(fake_slack.responses)
    slack.command("/kickoff", "help", user_id="URANA", channel_id="CGENERAL")
    assert "/kickoff log @rep" not in str(ephemeral_after(fake_slack, before)["blocks"])
