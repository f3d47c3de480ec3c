"""Tiers have no way in through Slack: a rep or a manager asking `/kickoff tiers` (signed, as
Slack sends it) is told it is not a command, and their answer carries no tier."""

from __future__ import annotations

import json

import pytest

from bot.fakeslack import FakeSlack, SignedSender
from bot.services.tiers.importing import import_tiers
from tests.databases import Database
from tests.services.metrics.world import NOW, build_world, csv_of


@pytest.mark.parametrize("user", ["UREP01", "UMMIA"])
def test_a_rep_or_a_manager_asking_slack_for_tiers_is_refused(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, user: str,
) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session, fake_slack)
        import_tiers(session=session, program=world.program, now=NOW,
                     content=csv_of("UREP01,top", header="slack_id,tier"))
    for text in ("tiers", "tiers Spring Kickoff --csv"):
        answer = slack.command_reply("/kickoff", text, user_id=user, channel_id="CGENERAL")
        assert "is not a command" in answer["text"]
        assert "top" not in json.dumps(answer)
