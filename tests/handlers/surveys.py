"""Helpers for survey tests through signed requests: people in fake Slack, the modals' inputs."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, time, timedelta
from typing import Any

from slack_sdk import WebClient
from sqlalchemy import select

from bot.domain.surveys.items import item_field
from bot.fakeslack import FakeSlack, SignedSender, SlackResponse
from bot.ids import ActionId, CallbackId, SurveyField
from bot.settings import Settings
from db.models import Survey
from scheduler.dispatcher import Dispatcher
from scheduler.plans.surveys import SurveyPlanner
from tests.blockkit import assert_valid_view
from tests.conftest import FAST
from tests.databases import Database
from tests.services.surveys.world import ENABLEMENT, MANAGER, OUTSIDER, RESULTS_CHANNEL, World

Json = dict[str, Any]


def add_slack_people(fake: FakeSlack, world: World) -> None:
    """Everyone of the world as a fake Slack member, and the results channel."""
    for slack_id in (ENABLEMENT, MANAGER, OUTSIDER, *world.reps):
        fake.add_user(slack_id, real_name=slack_id, email=f"{slack_id.lower()}@example.com")
    fake.add_channel(RESULTS_CHANNEL, "enablement-results", members=[ENABLEMENT])


@contextmanager
def survey_dispatcher(
    database: Database, client: WebClient, settings: Settings
) -> Iterator[Dispatcher]:
    """A fast dispatcher with the survey planner alone (other features' sends stay out)."""
    dispatcher = Dispatcher(session_factory=database.session_factory, client=client,
                            planners=[SurveyPlanner(settings)], config=FAST)
    try:
        yield dispatcher
    finally:
        dispatcher.close()


def closing_in(fake: FakeSlack, days: int) -> datetime:
    """Noon UTC, `days` days from the test clock's today: its reminder falls in working hours."""
    return datetime.combine(fake.clock.now().date() + timedelta(days=days), time(12), UTC)


def create_values(*, program_id: int, closes: datetime, minimum: int | str = 5,
                  title: str = "Kickoff pulse", audience: str = "reps") -> dict[str, Json]:
    """The create modal's state, as Slack sends it."""
    def value(v: str) -> Json:
        return {ActionId.SURVEY_INPUT: {"type": "plain_text_input", "value": v}}

    def option(v: str) -> Json:
        return {ActionId.SURVEY_INPUT: {"type": "static_select", "selected_option": {"value": v}}}

    return {
        SurveyField.TITLE: value(title),
        SurveyField.PROGRAM: option(str(program_id)),
        SurveyField.AUDIENCE: option(audience),
        SurveyField.QUESTION: value("How likely are you to recommend this kickoff?"),
        SurveyField.OPENS: {ActionId.SURVEY_INPUT: {"type": "datetimepicker",
                                                    "selected_date_time": None}},
        SurveyField.CLOSES: {ActionId.SURVEY_INPUT: {
            "type": "datetimepicker", "selected_date_time": int(closes.timestamp())}},
        SurveyField.CHANNEL: {ActionId.SURVEY_INPUT: {
            "type": "conversations_select", "selected_conversation": RESULTS_CHANNEL}},
        SurveyField.MINIMUM: {ActionId.SURVEY_INPUT: {"type": "number_input",
                                                      "value": str(minimum)}},
    }


def submit_create(slack: SignedSender, user_id: str, values: dict[str, Json]) -> SlackResponse:
    """Submit the create modal as `user_id`."""
    return slack.view_submission(user_id=user_id, callback_id=CallbackId.SURVEY_CREATE,
                                 values=values)


def submit_answer(
    slack: SignedSender, user_id: str, survey_id: int, score: str,
    texts: dict[str, str] | None = None,
) -> SlackResponse:
    """Submit the answer modal as `user_id`: a score and optional texts by field."""
    values: dict[str, Json] = {SurveyField.SCORE: {ActionId.SURVEY_INPUT: {
        "type": "static_select", "selected_option": {"value": score}}}}
    for field, text in (texts or {}).items():
        values[field] = {ActionId.SURVEY_INPUT: {"type": "plain_text_input", "value": text}}
    return slack.view_submission(user_id=user_id, callback_id=CallbackId.SURVEY_ANSWER,
                                 values=values, private_metadata=str(survey_id))


def create_survey_in_slack(
    slack: SignedSender, fake: FakeSlack, database: Database, world: World
) -> int:
    """Enablement opens the modal with `/kickoff survey` and submits it (closing at noon in
    four days); the survey's id."""
    ask_modal = slack.command("/kickoff", "survey", user_id=ENABLEMENT, channel_id="CGENERAL")
    assert ask_modal.status == 200
    fake.wait_for(lambda: bool(fake.calls_to("views.open")))
    assert_valid_view(fake.calls_to("views.open")[0].params["view"])
    response = submit_create(slack, ENABLEMENT,
                             create_values(program_id=world.program_id, closes=closing_in(fake, 4)))
    assert response.json is not None
    assert response.json["response_action"] == "update"
    assert_valid_view(response.json["view"])
    with database.session_factory() as session:
        return session.scalars(select(Survey.id)).one()


def ask(slack: SignedSender, fake: FakeSlack, user_id: str, text: str) -> Json:
    """`/kickoff TEXT` as `user_id`; the ephemeral answer posted to its response_url."""
    before = len(fake.responses)
    assert slack.command("/kickoff", text, user_id=user_id, channel_id="CGENERAL").status == 200
    fake.wait_for(lambda: len(fake.responses) > before)
    answer = fake.responses[before]
    assert answer["response_type"] == "ephemeral"
    return answer


def submit_items(
    slack: SignedSender, user_id: str, survey_id: int, values: list[str | None],
) -> SlackResponse:
    """Submit a survey of several questions as `user_id`: one value per question, in order
    (a number for a scale, a text or None for a free text)."""
    state: dict[str, Json] = {}
    for position, value in enumerate(values):
        if value is None:
            continue
        element = ({"type": "static_select", "selected_option": {"value": value}}
                   if value.isdigit() else {"type": "plain_text_input", "value": value})
        state[item_field(position)] = {ActionId.SURVEY_INPUT: element}
    return slack.view_submission(user_id=user_id, callback_id=CallbackId.SURVEY_ANSWER,
                                 values=state, private_metadata=str(survey_id))
