"""The create modal's question builder, through signed requests: an empty question and a 1-5
item without its end labels are refused next to the input concerned, nothing created; a good
list makes a survey whose answer modal asks exactly those questions."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.clock import SystemClock
from bot.domain.surveys.builder import builder_field
from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import ActionId, SurveyField
from db.models import Survey, SurveyQuestion, SurveyTemplate
from tests.databases import Database
from tests.handlers.surveys import Json, create_values, submit_create
from tests.handlers.test_survey_refusals import counts, refusal, world  # noqa: F401  # fixture
from tests.services.surveys.world import ENABLEMENT, World


def with_questions(
    program_id: int, clock: SystemClock, slots: list[dict[str, str]]
) -> dict[str, Json]:
    """The create modal's state with "your own questions" picked and these slots filled."""
    values = create_values(program_id=program_id, closes=clock.now() + timedelta(days=2))
    values[SurveyField.TEMPLATE] = {ActionId.SURVEY_INPUT: {
        "type": "radio_buttons", "selected_option": {"value": SurveyTemplate.CUSTOM.value}}}
    for position, slot in enumerate(slots):
        for part, value in slot.items():
            element = ({"type": "static_select", "selected_option": {"value": value}}
                       if part == "kind" else {"type": "plain_text_input", "value": value})
            values[builder_field(position, part)] = {ActionId.SURVEY_INPUT: element}
    return values


@pytest.mark.parametrize(("slots", "field", "message"), [
    ([{"kind": "1-5", "question": "Tools?", "low": "Bad", "high": "Good"},
      {"kind": "text", "question": "  "}],
     builder_field(1, "question"), "The question is empty."),
    ([{"kind": "1-5", "question": "Tools?", "low": "Bad"}],
     builder_field(0, "high"), "A 1-5 question needs a label for 5."),
    ([{"kind": "1-5", "question": "Tools?"}],
     builder_field(0, "low"), "A 1-5 question needs a label for 1."),
    ([{"question": "Kind forgotten?"}], builder_field(0, "kind"), "Pick the kind"),
    ([], builder_field(0, "question"), "A survey needs at least one question."),
])
def test_the_builder_refuses_next_to_the_input(
    slack: SignedSender, database: Database, world: World, clock: SystemClock,  # noqa: F811
    slots: list[dict[str, str]], field: str, message: str,
) -> None:
    values = with_questions(world.program_id, clock, slots)
    errors = refusal(submit_create(slack, ENABLEMENT, values))
    assert list(errors) == [field]
    assert errors[field].startswith(message)
    assert counts(database) == (0, 0, 0, 0, 0)


def test_a_good_list_makes_a_survey_of_those_questions(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, world: World,  # noqa: F811
    clock: SystemClock,
) -> None:
    slots = [{"kind": "1-5", "question": "Tools?", "low": "Bad", "high": "Good"}, {},
             {"kind": "text", "question": "Anything else?"}]
    response = submit_create(slack, ENABLEMENT, with_questions(world.program_id, clock, slots))
    assert response.json is not None
    assert response.json["response_action"] == "update"
    with database.session_factory() as session:
        survey = session.scalars(select(Survey)).one()
        prompts = list(session.scalars(select(SurveyQuestion.prompt).order_by(
            SurveyQuestion.position)))
    assert survey.template is SurveyTemplate.CUSTOM
    assert prompts == ["Tools?", "Anything else?"]
