"""Every refusal of the survey handlers is clear and changes nothing: a second answer, a late
one, one from outside the audience, an out-of-range score, a creator who is not enablement, and
a minimum above the audience."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from bot.clock import SystemClock
from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import SurveyField
from bot.services.surveys.close import close_survey
from db.models import (
    Delivery,
    Program,
    Survey,
    SurveyItemAnswer,
    SurveyParticipation,
    SurveyPendingAnswer,
)
from tests.blockkit import assert_valid_view
from tests.conftest import ADMIN_ID
from tests.databases import Database
from tests.handlers.surveys import (
    add_slack_people,
    ask,
    create_values,
    submit_answer,
    submit_create,
)
from tests.services.surveys.world import (
    ENABLEMENT,
    KEY,
    MANAGER,
    OUTSIDER,
    World,
    make_survey,
    make_world,
)

WEDNESDAY_AFTERNOON = datetime(2027, 2, 3, 15, 0, tzinfo=UTC)
MODELS = (Survey, SurveyParticipation, SurveyPendingAnswer, SurveyItemAnswer, Delivery)


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack, clock: SystemClock) -> World:
    """12 reps; everyone also a fake Slack member; the admin too. The clock stands on a
    Wednesday afternoon of the program's 30 days: the surveys made here open and close inside
    its working hours."""
    clock.move_to(WEDNESDAY_AFTERNOON)
    with database.session_factory.begin() as session:
        world = make_world(session)
    add_slack_people(fake_slack, world)
    fake_slack.add_user(ADMIN_ID, real_name="Admin")
    return world


@pytest.fixture
def survey_id(database: Database, world: World, clock: SystemClock) -> int:
    """A survey open now, which UREP01 has answered."""
    now = clock.now()
    with database.session_factory.begin() as session:
        return make_survey(session, world, opens=now, closes=now + timedelta(days=3)).id


def counts(database: Database) -> tuple[int, ...]:
    """Rows of every survey table and of the outbox."""
    with database.session_factory() as session:
        return tuple(int(session.scalar(select(func.count()).select_from(m)) or 0)
                     for m in MODELS)


def refusal(response: object) -> dict[str, str]:
    """The errors a view submission was answered with."""
    body = getattr(response, "json", None)
    assert body is not None
    assert body["response_action"] == "errors"
    errors: dict[str, str] = body["errors"]
    return errors


@pytest.mark.parametrize(
    ("who", "score", "field", "message"),
    [
        ("UREP01", "8", SurveyField.SCORE, "already answered this survey"),
        (OUTSIDER, "8", SurveyField.SCORE, "for the program's reps, and you are not among them"),
        (MANAGER, "8", SurveyField.SCORE, "for the program's reps"),
        ("UREP02", "11", SurveyField.SCORE, "Pick a score from 0 to 10."),
        ("UREP02", "-1", SurveyField.SCORE, "Pick a score from 0 to 10."),
    ],
)
def test_refused_answers_say_why_and_change_nothing(
    slack: SignedSender, database: Database, survey_id: int, who: str, score: str,
    field: SurveyField, message: str,
) -> None:
    submit_answer(slack, "UREP01", survey_id, "9")
    before = counts(database)
    errors = refusal(submit_answer(slack, who, survey_id, score, {"changed": "secret words"}))
    assert message in errors[field]
    assert "secret words" not in str(errors)
    assert counts(database) == before


def test_an_answer_after_closing_is_refused(
    slack: SignedSender, database: Database, survey_id: int, clock: SystemClock
) -> None:
    with database.session_factory.begin() as session:
        close_survey(session=session, survey_id=survey_id, now=clock.now(), key=KEY)
    before = counts(database)
    errors = refusal(submit_answer(slack, "UREP02", survey_id, "7"))
    assert errors[SurveyField.SCORE] == "This survey has closed; answers are no longer taken."
    assert counts(database) == before


def test_only_enablement_or_an_admin_creates(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, world: World,
    clock: SystemClock,
) -> None:
    answer = ask(slack, fake_slack, "UREP01", "survey")
    assert "Only the program's enablement team or a kickoff admin" in answer["text"]
    values = create_values(program_id=world.program_id, closes=clock.now() + timedelta(2))
    errors = refusal(submit_create(slack, "UREP01", values))
    assert "Only the program's enablement team" in errors[SurveyField.PROGRAM]
    assert counts(database) == (0, 0, 0, 0, 0)
    slack.command("/kickoff", "survey", user_id=ADMIN_ID, channel_id="CGENERAL")
    fake_slack.wait_for(lambda: bool(fake_slack.calls_to("views.open")))
    modal = fake_slack.calls_to("views.open")[0].params["view"]
    assert_valid_view(modal)
    assert "FY27 Kickoff" in str(modal["blocks"])


@pytest.mark.parametrize(
    ("minimum", "message"),
    [
        ("13", "The minimum (13) is above the audience's size (12 people)"),
        ("4", "The minimum cannot be below 5, the program's smallest group"),
        ("five", "as a whole number"),
    ],
)
def test_a_minimum_outside_the_smallest_group_to_the_audience_is_refused(
    slack: SignedSender, database: Database, world: World, minimum: str, message: str,
    clock: SystemClock,
) -> None:
    values = create_values(program_id=world.program_id, minimum=minimum,
                           closes=clock.now() + timedelta(days=2))
    errors = refusal(submit_create(slack, ENABLEMENT, values))
    assert message in errors[SurveyField.MINIMUM]
    assert counts(database) == (0, 0, 0, 0, 0)


def test_a_closing_in_the_past_is_refused(
    slack: SignedSender, database: Database, world: World, clock: SystemClock
) -> None:
    values = create_values(program_id=world.program_id,
                           closes=clock.now() - timedelta(hours=1))
    errors = refusal(submit_create(slack, ENABLEMENT, values))
    assert "must close after it opens" in errors[SurveyField.CLOSES]
    assert counts(database) == (0, 0, 0, 0, 0)


def test_a_closing_outside_the_programs_working_hours_is_refused(
    slack: SignedSender, database: Database, world: World
) -> None:
    with database.session_factory.begin() as session:
        session.get_one(Program, world.program_id).work_start = time(9, 0)
    early = datetime(2027, 2, 5, 8, 30, tzinfo=UTC)  # Friday 08:30 UTC, the program's zone
    errors = refusal(submit_create(slack, ENABLEMENT, create_values(
        program_id=world.program_id, closes=early)))
    assert errors[SurveyField.CLOSES] == (
        "The closing, 08:30 in UTC, is before the working window (09:00-18:00); set it to 09:00 "
        "or later, or widen the working hours.")
    assert counts(database) == (0, 0, 0, 0, 0)


def test_an_unknown_survey_subcommand_shows_usage(
    slack: SignedSender, fake_slack: FakeSlack, world: World
) -> None:
    answer = ask(slack, fake_slack, ENABLEMENT, "survey dance")
    assert "`/kickoff survey status`" in answer["text"]
