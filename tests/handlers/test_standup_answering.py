"""A rep answers from the prompt DM: modal, DM updated in place, one reply in the day's thread,
edits that edit, and the errors and refusals a rep can run into."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import ActionId, BlockId
from db.models import StandupAnswer
from scheduler.dispatcher import Dispatcher
from tests.blockkit import assert_valid_blocks, assert_valid_view
from tests.databases import Database
from tests.handlers.standup_slack import click, last_dm, open_modal, submit
from tests.standup_world import CHANNEL, add_slack_people, build_world, utc

PROMPT_AT = utc(2027, 3, 12, 8)  # Fri 09:00 in Berlin: Lena's Day 1 prompt
ANSWER_AT = utc(2027, 3, 12, 8, 5)


@pytest.fixture
def prompted(database: Database, fake_slack: FakeSlack, dispatcher: Dispatcher) -> dict[str, Any]:
    """The program, with Lena's Day 1 prompt sent to her DM by the dispatcher."""
    add_slack_people(fake_slack)
    with database.session_factory.begin() as session:
        build_world(session)
    dispatcher.tick(now=PROMPT_AT)
    return last_dm(fake_slack, "UBER")


def answers(database: Database) -> int:
    """How many answers are stored."""
    with database.session_factory() as session:
        return int(session.scalar(select(func.count()).select_from(StandupAnswer)) or 0)


def thread(fake: FakeSlack) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The one thread parent in the standup channel and its replies."""
    parents = fake.messages(CHANNEL)
    assert len(parents) == 1
    return parents[0], fake.replies(CHANNEL, parents[0]["ts"])


def test_answer_edit_and_one_reply_in_the_thread(
    slack: SignedSender, fake_slack: FakeSlack, dispatcher: Dispatcher, prompted: dict[str, Any]
) -> None:
    assert "Good morning Lena Vogel!" in str(prompted["blocks"])
    assert_valid_blocks(prompted["blocks"])
    view = open_modal(slack, "UBER", prompted, when=ANSWER_AT)
    assert_valid_view(view)
    assert submit(slack, "UBER", view, when=ANSWER_AT).body == ""  # the modal closes
    fake_slack.wait_for(lambda: bool(fake_slack.calls_to("chat.update")))
    dm = last_dm(fake_slack, "UBER")
    assert dm["ts"] == prompted["ts"]  # updated in place
    assert "answered, thank you" in dm["text"]
    assert "Call Acme's CFO" in str(dm["blocks"])
    assert_valid_blocks(dm["blocks"])
    dispatcher.tick(now=utc(2027, 3, 12, 8, 6))
    parent, replies = thread(fake_slack)
    assert "Week-1 standup - Day 1 of 5" in parent["text"]
    assert len(replies) == 1
    assert "<@UBER>" in str(replies[0]["blocks"])

    edit = open_modal(slack, "UBER", dm, when=utc(2027, 3, 12, 9), action_id=ActionId.STANDUP_EDIT)
    activity = next(b for b in edit["blocks"] if b.get("block_id") == BlockId.STANDUP_ACTIVITY)
    assert activity["element"]["initial_value"] == "Call Acme's CFO"
    submit(slack, "UBER", edit, when=utc(2027, 3, 12, 9), activity="Call Acme's CEO")
    dispatcher.tick(now=utc(2027, 3, 12, 9, 1))
    _, replies = thread(fake_slack)
    assert len(replies) == 1  # edited, never duplicated
    assert "Call Acme's CEO" in str(replies[0]["blocks"])
    assert replies[0].get("edited")


ERRORS = [
    ({"activity": "a" * 1001}, BlockId.STANDUP_ACTIVITY, "it has 1,001"),
    ({"win": "w" * 1001}, BlockId.STANDUP_WIN, "it has 1,001"),
    ({"blocker": "b" * 1001}, BlockId.STANDUP_BLOCKER, "it has 1,001"),
    ({"activity": None}, BlockId.STANDUP_ACTIVITY, "required"),
    ({"win": "  "}, BlockId.STANDUP_WIN, "required"),
]


def test_modal_errors_save_nothing(
    slack: SignedSender, database: Database, prompted: dict[str, Any]
) -> None:
    view = open_modal(slack, "UBER", prompted, when=ANSWER_AT)
    for fields, block, message in ERRORS:
        response = submit(slack, "UBER", view, when=ANSWER_AT, **fields)  # type: ignore[arg-type]
        assert response.json is not None
        assert response.json["response_action"] == "errors"
        assert list(response.json["errors"]) == [block]
        assert message in response.json["errors"][block]
    assert answers(database) == 0


def test_another_reps_prompt_is_refused_with_a_reason(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, prompted: dict[str, Any]
) -> None:
    before = len(fake_slack.responses)
    click(slack, "UKOL", prompted, ActionId.STANDUP_ANSWER, when=ANSWER_AT, dm_of="UBER")
    refusal = fake_slack.responses[before]
    assert refusal["response_type"] == "ephemeral"
    assert "belongs to someone else" in refusal["text"]
    assert fake_slack.calls_to("views.open") == []
    assert answers(database) == 0


def test_two_modals_and_a_double_submit_leave_one_answer_and_say_why(
    slack: SignedSender,
    fake_slack: FakeSlack,
    database: Database,
    dispatcher: Dispatcher,
    prompted: dict[str, Any],
) -> None:
    first = open_modal(slack, "UBER", prompted, when=ANSWER_AT)
    second = open_modal(slack, "UBER", prompted, when=ANSWER_AT)
    submit(slack, "UBER", first, when=ANSWER_AT)
    again = submit(slack, "UBER", first, when=ANSWER_AT)  # Submit clicked twice
    assert again.json is not None
    assert "nothing was posted twice" in str(again.json["view"]["blocks"])
    other = submit(slack, "UBER", second, when=ANSWER_AT, win="A different win")
    assert other.json is not None
    assert "replaced that answer" in str(other.json["view"]["blocks"])
    assert_valid_view(other.json["view"])
    assert answers(database) == 1
    dispatcher.tick(now=utc(2027, 3, 12, 8, 10))
    _, replies = thread(fake_slack)
    assert len(replies) == 1
    assert "A different win" in str(replies[0]["blocks"])


def test_out_today_skips_the_reminder(
    slack: SignedSender, fake_slack: FakeSlack, dispatcher: Dispatcher, prompted: dict[str, Any]
) -> None:
    before = len(fake_slack.responses)
    click(slack, "UBER", prompted, ActionId.STANDUP_OUT_TODAY, when=ANSWER_AT)
    note = fake_slack.responses[before]
    assert note["replace_original"] is True
    assert "marked as out today" in note["text"]
    assert_valid_blocks(note["blocks"])
    sent = len(fake_slack.messages(fake_slack.dm_channel("UBER")))
    dispatcher.tick(now=utc(2027, 3, 12, 10))  # Berlin's 11:00 reminder time
    assert len(fake_slack.messages(fake_slack.dm_channel("UBER"))) == sent


def test_after_local_midnight_the_button_says_the_day_closed(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, prompted: dict[str, Any]
) -> None:
    before = len(fake_slack.responses)
    click(slack, "UBER", prompted, ActionId.STANDUP_ANSWER, when=utc(2027, 3, 12, 23, 1))
    closed = fake_slack.responses[before]
    assert closed["replace_original"] is True
    assert "closed at midnight your time" in closed["text"]
    assert "Day 2 of 5 on Mon 15 Mar at 09:00 your time" in str(closed["blocks"])
    assert fake_slack.calls_to("views.open") == []
    assert answers(database) == 0


def test_a_modal_submitted_after_midnight_is_refused(
    slack: SignedSender, database: Database, prompted: dict[str, Any]
) -> None:
    view = open_modal(slack, "UBER", prompted, when=utc(2027, 3, 12, 22, 58))
    response = submit(slack, "UBER", view, when=utc(2027, 3, 12, 23, 0))
    assert response.json is not None
    assert "closed at midnight your time" in response.json["errors"][BlockId.STANDUP_ACTIVITY]
    assert answers(database) == 0


INJECTION = "Ping <!channel> <!here> <@U0CEO> via <https://evil.example|this link> & co"


def test_mentions_and_links_typed_in_every_field_ping_nobody(
    slack: SignedSender, fake_slack: FakeSlack, dispatcher: Dispatcher, prompted: dict[str, Any]
) -> None:
    view = open_modal(slack, "UBER", prompted, when=ANSWER_AT)
    submit(
        slack, "UBER", view, when=ANSWER_AT, activity=INJECTION, win=INJECTION, blocker=INJECTION
    )
    dispatcher.tick(now=utc(2027, 3, 12, 8, 6))
    _, replies = thread(fake_slack)
    manager_dm = last_dm(fake_slack, "UMGRE")
    escaped = (
        "Ping &lt;!channel&gt; &lt;!here&gt; &lt;@U0CEO&gt; via "
        "&lt;https://evil.example|this link&gt; &amp; co"
    )
    for message in (replies[0], manager_dm):
        rendered = str(message["blocks"]) + message["text"]
        assert escaped in str(message["blocks"])
        for raw in ("<!channel>", "<!here>", "<@U0CEO>", "<https://"):
            assert raw not in rendered
    assert str(replies[0]["blocks"]).count(escaped) == 3  # activity, win and blocker
