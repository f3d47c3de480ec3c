"""The "Answer anonymously" button: the answer modal, or a modal saying why not (nothing
changes)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.metadata import read_int
from bot.blocks.survey import build_answer_modal, build_refusal_modal
from bot.deps import deps_of
from bot.services.surveys.answer import survey_or_refusal
from bot.services.surveys.questions import form_questions


def handle_survey_answer_action(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
    context: BoltContext,
) -> None:
    """Open the answer modal for someone asked who has not answered, while the survey is open."""
    ack()
    deps = deps_of(context)
    with deps.session_factory() as session:
        survey = survey_or_refusal(session=session, survey_id=read_int(action.get("value")),
                                   slack_user_id=body["user"]["id"], now=deps.clock.now())
        view = (build_refusal_modal(survey) if isinstance(survey, str)
                else build_answer_modal(survey, form_questions(session, survey)))
    client.views_open(trigger_id=body["trigger_id"], view=view)
