"""From Day 2 the standup modal first asks about the activity of the rep's last answered day:
Friday's plan is asked about in Monday's modal, the answer is required and kept."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import BlockId
from db.models import Change, StandupAnswer
from scheduler.dispatcher import Dispatcher
from tests.blockkit import assert_valid_view
from tests.databases import Database
from tests.handlers.standup_slack import last_dm, open_modal, submit
from tests.standup_world import add_slack_people, build_world, utc

FRIDAY_PROMPT = utc(2027, 3, 12, 8)  # Fri 09:00 in Berlin: Lena's Day 1
MONDAY_PROMPT = utc(2027, 3, 15, 8)  # Mon 09:00 in Berlin: her Day 2
MONDAY_ANSWER = utc(2027, 3, 15, 8, 10)


@pytest.fixture
def monday(database: Database, fake_slack: FakeSlack, dispatcher: Dispatcher,
           slack: SignedSender) -> dict[str, Any]:
    """Lena answered Friday's standup planning to call Acme's CFO; Monday's prompt is sent."""
    add_slack_people(fake_slack)
    with database.session_factory.begin() as session:
        build_world(session)
    dispatcher.tick(now=FRIDAY_PROMPT)
    friday = open_modal(slack, "UBER", last_dm(fake_slack, "UBER"), when=FRIDAY_PROMPT)
    assert not any(b.get("block_id") == BlockId.STANDUP_FOLLOW for b in friday["blocks"])
    assert submit(slack, "UBER", friday, when=FRIDAY_PROMPT, activity="Call Acme's CFO").body == ""
    dispatcher.tick(now=MONDAY_PROMPT)
    return last_dm(fake_slack, "UBER")


def _monday_answer(database: Database) -> StandupAnswer | None:
    with database.session_factory() as session:
        return session.scalars(select(StandupAnswer).where(StandupAnswer.day_number == 2)).first()


def test_mondays_modal_asks_about_fridays_activity_and_keeps_the_answer(
    slack: SignedSender, database: Database, monday: dict[str, Any]
) -> None:
    view = open_modal(slack, "UBER", monday, when=MONDAY_ANSWER)
    assert_valid_view(view)
    texts = [str(block) for block in view["blocks"]]
    asked = next(i for i, text in enumerate(texts) if "On Friday you planned:" in text)
    assert "Call Acme's CFO" in texts[asked]
    assert view["blocks"][asked + 1]["block_id"] == BlockId.STANDUP_FOLLOW
    assert asked < next(i for i, b in enumerate(view["blocks"])
                        if b.get("block_id") == BlockId.STANDUP_ACTIVITY)  # asked first

    assert submit(slack, "UBER", view, when=MONDAY_ANSWER, done="partly").body == ""
    answer = _monday_answer(database)
    assert answer is not None
    assert (answer.follow_day, answer.follow_through) == (1, Change.PARTLY)


@pytest.mark.parametrize("done", [None, "maybe"])
def test_the_question_must_be_answered_with_yes_partly_or_no(
    slack: SignedSender, database: Database, monday: dict[str, Any], done: str | None
) -> None:
    view = open_modal(slack, "UBER", monday, when=MONDAY_ANSWER)
    response = submit(slack, "UBER", view, when=MONDAY_ANSWER, done=done)
    body = response.json
    assert body is not None
    assert body["response_action"] == "errors"
    assert "yes, partly or no" in body["errors"][BlockId.STANDUP_FOLLOW]
    assert _monday_answer(database) is None  # nothing saved
