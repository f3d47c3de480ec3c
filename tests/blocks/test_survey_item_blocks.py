"""The answer modal and results of a survey of several questions pass slack_sdk's validation;
a Likert item shows its labelled ends; a thin scale shows its mean and count, no distribution."""

from __future__ import annotations

from bot.blocks.survey import build_answer_modal
from bot.blocks.survey_item_results import build_item_results_messages
from bot.blocks.survey_messages import build_invitation_message
from bot.domain.surveys.item_results import ItemResults, item_result
from bot.domain.surveys.templates import GAP_QUESTIONS
from db.models import SurveyTemplate
from tests.blockkit import assert_valid_blocks, assert_valid_view
from tests.blocks.test_survey_blocks import CLOSES, program, survey


def test_the_gap_answer_modal_asks_six_questions_with_labelled_ends() -> None:
    view = build_answer_modal(survey(template=SurveyTemplate.GAP), GAP_QUESTIONS)
    assert_valid_view(view)
    inputs = [block for block in view["blocks"] if block["type"] == "input"]
    assert [block["block_id"] for block in inputs] == [f"item_{n}" for n in range(6)]
    labels = [option["text"]["text"] for option in inputs[0]["element"]["options"]]
    assert labels == ["5 - No gaps", "4", "3", "2", "1 - Big gaps"]
    assert [block["optional"] for block in inputs] == [False] * 5 + [True]
    assert "nothing joining it to your other answers" in str(view["blocks"][-1])


def test_results_show_a_distribution_only_from_twice_the_minimum() -> None:
    minimum = 5
    results = ItemResults(responses=10, audience_size=12, response_rate=83, items=(
        item_result(GAP_QUESTIONS[0], [1, 2, 3, 4, 5, 4, 1, 2, 3, 4], minimum=minimum),
        item_result(GAP_QUESTIONS[1], [4] * 9, minimum=minimum),
        item_result(GAP_QUESTIONS[5], ["<!channel> more demos"], minimum=minimum),
    ))
    messages = build_item_results_messages(survey(closed_at=CLOSES), program(), results)
    assert len(messages) == 1
    blocks = messages[0][1]
    assert_valid_blocks(blocks)
    shown = str(blocks)
    assert "mean *2.9* of 5 (1 = Big gaps, 5 = No gaps) · 10 answers" in shown
    assert "mean *4.0* of 5 (1 = Constant friction, 5 = No friction) · 9 answers" in shown
    assert shown.count("```") == 2  # one chart: the first item's
    assert "fewer than 10 answered this question" in shown
    assert "&lt;!channel&gt; more demos" in shown


def test_the_invitation_says_what_each_template_asks() -> None:
    for template, asked in ((SurveyTemplate.ENPS, "one 0-10 question and three optional"),
                            (SurveyTemplate.GAP, "five 1-5 questions about your gaps")):
        _, blocks = build_invitation_message(survey(template=template), program(), "UTC")
        assert_valid_blocks(blocks)
        assert asked in str(blocks)
