"""Survey modals and messages pass slack_sdk's validation; results stay within Slack's limits."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.blocks.survey import (
    build_answer_modal,
    build_create_survey_modal,
    build_survey_created_view,
    build_thank_you_view,
)
from bot.blocks.survey_messages import (
    build_invitation_message,
    build_reminder_message,
    build_status_message,
)
from bot.blocks.survey_results import build_below_minimum_message, build_results_messages
from bot.blocks.text import MAX_TEXT
from bot.domain.surveys.content import TEXT_LIMIT, AnswerContent
from bot.domain.surveys.overview import SurveyOverview
from bot.services.surveys.item_results import columns_of
from bot.services.surveys.results import summarize
from db.models import Program, Survey, SurveyAudience, SurveyOutcome
from tests.blockkit import MAX_MESSAGE_BLOCKS, assert_valid_blocks, assert_valid_view

OPENS = datetime(2027, 2, 1, 9, 0, tzinfo=UTC)
CLOSES = datetime(2027, 2, 5, 17, 0, tzinfo=UTC)


def program(pid: int = 1, name: str = "FY27 <Kickoff>") -> Program:
    """A program as the builders see it."""
    return Program(id=pid, name=name)


def survey(**fields: object) -> Survey:
    """A survey of reps with a title that tries to ping everyone."""
    values: dict[str, object] = {
        "id": 7, "program_id": 1, "title": "Pulse <!channel> & co", "question": "How likely?",
        "audience": SurveyAudience.REPS, "opens_at": OPENS, "closes_at": CLOSES,
        "results_channel": "CRESULTS", "minimum": 5, "closed_at": None, "outcome": None,
    } | fields
    return Survey(**values)


@pytest.mark.parametrize("count", [1, 3])
def test_the_create_modal_is_valid(count: int) -> None:
    modal = build_create_survey_modal([program(n, f"Program {n}") for n in range(1, count + 1)])
    assert_valid_view(modal)
    select = next(b for b in modal["blocks"] if b.get("block_id") == "program")["element"]
    assert ("initial_option" in select) is (count == 1)


def test_the_answer_modal_asks_0_to_10_and_says_what_is_stored() -> None:
    modal = build_answer_modal(survey())
    assert_valid_view(modal)
    assert modal["private_metadata"] == "7"  # the survey: nothing about the person
    score = next(b for b in modal["blocks"] if b.get("block_id") == "score")
    assert [o["value"] for o in score["element"]["options"]] == [str(n) for n in range(10, -1, -1)]
    assert score["label"]["text"] == "How likely?"
    texts = [b for b in modal["blocks"] if b.get("block_id") in ("changed", "broken", "kill")]
    assert all(b["optional"] and b["element"]["max_length"] == TEXT_LIMIT for b in texts)
    assert "Nothing is shown unless at least 5 people answer" in str(modal["blocks"])
    assert "&lt;!channel&gt; &amp; co" in str(modal["blocks"])


def test_the_thank_you_and_created_views_are_valid() -> None:
    assert_valid_view(build_thank_you_view())
    created = build_survey_created_view(survey(), audience_size=12)
    assert_valid_view(created)
    assert "12 people are asked" in str(created["blocks"])


def test_invitation_reminder_and_status_are_valid_and_escaped() -> None:
    for text, blocks in (build_invitation_message(survey(), program(), "UTC"),
                         build_reminder_message(survey(), "UTC")):
        assert_valid_blocks(blocks)
        assert "<!channel>" not in text + str(blocks)
        assert blocks[1]["elements"][0]["value"] == "7"
    overviews = [
        SurveyOverview(survey(), "FY27", answered=4, audience_size=12, is_open=True),
        SurveyOverview(survey(id=8, closed_at=CLOSES, outcome=SurveyOutcome.BELOW_MINIMUM),
                       "FY27", answered=4, audience_size=12, is_open=False),
    ]
    status = build_status_message(overviews, now=OPENS)
    assert_valid_blocks(status)
    assert "*4 of 12* people have answered" in str(status)
    assert "nothing shown" in str(status)
    assert status[1]["accessory"]["value"] == "7"
    assert "accessory" not in status[2]


def test_long_results_are_split_within_slacks_limits() -> None:
    texts = ["&<>" * (TEXT_LIMIT // 3) + f" #{n}!" for n in range(40)]
    answers = [AnswerContent(score=n % 11, changed=t, broken=t, kill=None)
               for n, t in enumerate(texts)]
    results = summarize(columns_of([a.items() for a in answers], 4), audience_size=50,
                        minimum=5)
    assert results is not None
    messages = build_results_messages(survey(closed_at=CLOSES), program(), results)
    assert len(messages) > 1
    for number, (text, blocks) in enumerate(messages, start=1):
        assert_valid_blocks(blocks)
        assert len(blocks) <= MAX_MESSAGE_BLOCKS
        assert all(len(b["text"]["text"]) <= MAX_TEXT for b in blocks if "text" in b)
        assert "<!channel>" not in text
        if number > 1:
            assert f"(part {number} of {len(messages)})" in text
    shown = "".join(b["text"]["text"] for _, blocks in messages for b in blocks
                    if b["type"] == "section")
    for n in range(40):  # every answer is there, whole, escaped, under both questions
        assert shown.count("&amp;&lt;&gt;" * (TEXT_LIMIT // 3) + f" #{n}!") == 2


def test_below_the_minimum_only_says_so() -> None:
    text, blocks = build_below_minimum_message(survey(), program())
    assert_valid_blocks(blocks)
    assert "fewer than the minimum of 5 responses" in str(blocks)
    assert "eNPS" not in text + str(blocks)


def test_invitation_and_reminder_say_the_closing_in_the_readers_time() -> None:
    # Closes Fri 5 Feb 17:00 UTC: 09:00 in Los Angeles, 22:30 in Kolkata.
    invitation = str(build_invitation_message(survey(), program(), "America/Los_Angeles")[1])
    reminder = str(build_reminder_message(survey(), "Asia/Kolkata")[1])
    assert "Answer by Fri 5 Feb 08:59 your time." in invitation
    assert "answer by Fri 5 Feb 22:29 your time;" in reminder
