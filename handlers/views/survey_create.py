"""The create-survey modal's submission: errors next to their input, else the survey is set."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.survey import build_survey_created_view
from bot.deps import deps_of
from bot.domain.surveys.builder import PARTS, SLOTS, builder_field, questions_from_slots
from bot.domain.surveys.content import InvalidField
from bot.errors import KickoffError
from bot.ids import ActionId, SurveyField
from bot.services.surveys.audience import audience_members
from bot.services.surveys.create import SurveyValues, create_survey
from db.models import SurveyTemplate
from handlers.actor import load_actor
from handlers.home import refresh_home


def handle_survey_create_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Create the survey, or show why not next to the input concerned."""
    deps = deps_of(context)
    user_id = body["user"]["id"]
    actor = load_actor(client, user_id, deps.settings.kickoff_admins)
    try:
        with deps.session_factory.begin() as session:
            survey = create_survey(
                session=session, values=survey_values(view["state"]["values"]), actor=actor,
                now=deps.clock.now(),
            )
            size = len(audience_members(session=session, program_id=survey.program_id,
                                        audience=survey.audience))
            created = build_survey_created_view(survey, size)
    except InvalidField as refusal:
        ack(response_action="errors", errors={refusal.field: refusal.message})
        return
    except KickoffError as refusal:  # not allowed, or the program is gone
        ack(response_action="errors", errors={SurveyField.PROGRAM: str(refusal)})
        return
    ack(response_action="update", view=created)
    refresh_home(client, deps, user_id, actor=actor)


def survey_values(state: dict[str, dict[str, dict[str, Any]]]) -> SurveyValues:
    """The modal's inputs as SurveyValues (unchecked: create_survey checks them)."""

    def element(field: SurveyField) -> dict[str, Any]:
        return state.get(field, {}).get(ActionId.SURVEY_INPUT) or {}

    def chosen(field: SurveyField) -> str | None:
        option = element(field).get("selected_option") or {}
        return option.get("value")

    def instant(field: SurveyField) -> datetime | None:
        stamp = element(field).get("selected_date_time")
        return datetime.fromtimestamp(int(stamp), UTC) if stamp is not None else None

    program = chosen(SurveyField.PROGRAM)
    template = chosen(SurveyField.TEMPLATE) or SurveyTemplate.ENPS  # older forms had none
    return SurveyValues(
        program_id=int(program) if program and program.isdigit() else None,
        title=element(SurveyField.TITLE).get("value"),
        audience=chosen(SurveyField.AUDIENCE),
        template=template,
        questions=(questions_from_slots(_slot_values(state)) if template == SurveyTemplate.CUSTOM
                   else ()),
        question=element(SurveyField.QUESTION).get("value"),
        opens_at=instant(SurveyField.OPENS),
        closes_at=instant(SurveyField.CLOSES),
        results_channel=element(SurveyField.CHANNEL).get("selected_conversation"),
        minimum=element(SurveyField.MINIMUM).get("value"),
    )


def _slot_values(state: dict[str, dict[str, dict[str, Any]]]) -> dict[str, str | None]:
    """The question builder's inputs by block id (a kind is a pick, the rest typed)."""
    values: dict[str, str | None] = {}
    for position in range(SLOTS):
        for part in PARTS:
            field = builder_field(position, part)
            element = state.get(field, {}).get(ActionId.SURVEY_INPUT) or {}
            option = element.get("selected_option") or {}
            values[field] = option.get("value") if part == "kind" else element.get("value")
    return values
