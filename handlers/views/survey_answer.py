"""The answer modal's submission: refused in the modal, or recorded anonymously and thanked.

Nothing here logs, and nothing is posted anywhere: the thank-you replaces the form in the ack.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.metadata import read_int
from bot.blocks.survey import build_thank_you_view
from bot.deps import deps_of
from bot.domain.surveys.content import QUESTIONS, AnswerContent, InvalidField, parse_answer
from bot.domain.surveys.items import ItemAnswers, item_field, parse_items
from bot.domain.surveys.questions import Question
from bot.errors import KickoffError
from bot.ids import ActionId, SurveyField
from bot.services.surveys.answer import record_answer
from bot.services.surveys.questions import questions_for
from bot.services.surveys.sealing import holding_key
from handlers.home import refresh_home

State = dict[str, dict[str, dict[str, Any]]]


def handle_survey_answer_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext,
    client: WebClient,
) -> None:
    """Record the answer once, or say in the modal why it was not taken (nothing changes)."""
    deps = deps_of(context)
    state = view["state"]["values"]
    first_field: str = SurveyField.SCORE
    try:
        with deps.session_factory.begin() as session:
            survey_id = read_int(view["private_metadata"])
            questions = questions_for(session, survey_id)  # the form's, looked up, not trusted
            first_field = item_field(0) if questions else SurveyField.SCORE
            record_answer(
                session=session, survey_id=survey_id, slack_user_id=body["user"]["id"],
                answer=_answer(state, questions), now=deps.clock.now(),
                key=holding_key(deps.settings.signing_secret()),
            )
    except InvalidField as refusal:
        ack(response_action="errors", errors={refusal.field: refusal.message})
        return
    except KickoffError as refusal:  # closed, answered already, not in the audience
        ack(response_action="errors", errors={first_field: str(refusal)})
        return
    ack(response_action="update", view=build_thank_you_view())
    refresh_home(client, deps, body["user"]["id"])


def _answer(state: State, questions: list[Question]) -> AnswerContent | ItemAnswers:
    if questions:
        fields = [item_field(position) for position in range(len(questions))]
        return parse_items(questions, {field: _value(state, field) for field in fields})
    return parse_answer(_value(state, SurveyField.SCORE),
                        {field: _value(state, SurveyField(field)) for field in QUESTIONS})


def _value(state: State, field: str) -> str | None:
    element = state.get(field, {}).get(ActionId.SURVEY_INPUT) or {}
    option = element.get("selected_option")
    return option.get("value") if isinstance(option, dict) else element.get("value")
