"""`/kickoff audit`: this week so far for leaders and admins, ephemerally; others are refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.domain.program_calendar import monday_of
from bot.fakeslack import FakeSlack, SignedSender
from bot.services.audit.policy import REFUSAL
from bot.services.coaching.occurrences import materialise_items
from db.models import LoggedStatus, Program
from tests.audit_world import LEADER, ONE, build_world, log_item
from tests.blockkit import assert_valid_blocks
from tests.conftest import ADMIN_ID
from tests.databases import Database
from tests.live import LIVE_DAY, place_clock


@pytest.fixture
def program(database: Database, fake_slack: FakeSlack) -> None:
    """The audit program, kicked off two Mondays before LIVE_NOW: its week 3, two 1:1s logged."""
    place_clock(fake_slack)
    kickoff = monday_of(LIVE_DAY) - timedelta(weeks=2)
    fake_slack.add_user(ADMIN_ID, real_name="Kim Admin", email="admin@example.com")
    with database.session_factory.begin() as session:
        world = build_world(session, fake_slack, kickoff_date=kickoff, name="Q4 Kickoff")
        materialise_items(session=session, program=session.get_one(Program, world.program_id),
                          now=datetime.combine(kickoff, datetime.min.time(), UTC))
        for rep in ("UR1", "UR2"):
            log_item(session, world, rep, ONE, 3, LoggedStatus.DONE)


def audit_reply(slack: SignedSender, user_id: str) -> dict[str, object]:
    """What `/kickoff audit` answers `user_id`."""
    return slack.command_reply("/kickoff", "audit", user_id=user_id, channel_id="CGENERAL")


@pytest.mark.usefixtures("program")
@pytest.mark.parametrize("user_id", [LEADER, ADMIN_ID])
def test_leaders_and_admins_see_this_week_so_far_ephemerally(
    slack: SignedSender, user_id: str
) -> None:
    answer = audit_reply(slack, user_id)
    assert answer["response_type"] == "ephemeral"
    blocks = answer["blocks"]
    assert isinstance(blocks, list)
    assert_valid_blocks(blocks)
    text = str(blocks)
    monday = monday_of(LIVE_DAY)
    assert f"week of {monday:%a %d %b}" in text
    assert "(so far)" in text
    assert "*1:1 completion:* 25% (2 of 8 done; target 90%, typical baseline 60%)" in text
    assert ("1. Bo Chen: 1:1s 0% (0 of 2), under the 60% baseline, same as the week before "
            "(0%); call reviews none due; territory reviews 0 of 2 done") in text
    assert "3. Ada Park: 1:1s 67% (2 of 3), below target, up from 0%" in text
    assert "<@" not in text


@pytest.mark.usefixtures("program")
@pytest.mark.parametrize("user_id", ["UR1", "UMADA"])  # a rep, a manager
def test_everyone_else_is_refused(slack: SignedSender, user_id: str) -> None:
    answer = audit_reply(slack, user_id)
    assert answer["text"] == REFUSAL
    assert answer["response_type"] == "ephemeral"
    assert "blocks" not in answer or not answer["blocks"]
