"""Who may create a survey, and every setting checked before anything is stored."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.domain.surveys.content import InvalidField
from bot.errors import NotAllowed
from bot.services.actor import Actor
from bot.services.surveys.create import SurveyValues, create_survey
from db.models import Program, ProgramStatus, Role, Survey, Workspace
from tests.databases import Database
from tests.factories import add_member, make_person, make_program
from tests.services.surveys.world import ENABLEMENT, World, make_world

NOW = datetime(2027, 2, 1, 10, 0, tzinfo=UTC)


def values(world: World, **changes: object) -> SurveyValues:
    """Acceptable settings, with `changes`."""
    base: dict[str, object] = {
        "program_id": world.program_id, "title": "Pulse", "audience": "reps",
        "closes_at": NOW + timedelta(days=4), "results_channel": "CRESULTS",
    }
    return SurveyValues(**(base | changes))  # type: ignore[arg-type]


def caller(slack_id: str, *, admin: bool = False) -> Actor:
    """Someone acting in Slack (a kickoff admin or not)."""
    return Actor(slack_user_id=slack_id, is_kickoff_admin=admin)


@pytest.fixture
def world(database: Database) -> World:
    """12 reps; a second program whose enablement lead is UOTHER, also an admin of the first."""
    with database.session_factory.begin() as session:
        world = make_world(session)
        workspace = session.scalars(select(Workspace)).one()
        other = make_program(session, workspace, name="Other kickoff")
        person = make_person(session, workspace, "UOTHER")
        add_member(session, other, person, Role.ENABLEMENT)
        return world


def create(database: Database, survey: SurveyValues, who: Actor | None) -> Survey:
    """create_survey in a unit of work of its own."""
    with database.session_factory.begin() as session:
        return create_survey(session=session, values=survey, actor=who, now=NOW)


def count(database: Database) -> int:
    """How many surveys exist."""
    with database.session_factory() as session:
        return int(session.scalar(select(func.count()).select_from(Survey)) or 0)


def test_enablement_of_the_program_creates_with_the_defaults(
    database: Database, world: World
) -> None:
    survey = create(database, values(world), caller(ENABLEMENT))
    assert (survey.minimum, survey.opens_at, survey.created_by is not None) == (5, NOW, True)
    assert survey.question.startswith("On a scale from 0 to 10")


def test_enablement_of_another_program_may_not_but_an_admin_may(
    database: Database, world: World
) -> None:
    with pytest.raises(NotAllowed):
        create(database, values(world), caller("UOTHER"))
    assert count(database) == 0
    create(database, values(world), caller("UOTHER", admin=True))  # a Slack workspace admin
    assert count(database) == 1


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": "  "}, "title", "Give the survey a title"),
        ({"audience": "leaders"}, "audience", "Pick reps, managers or all members"),
        ({"audience": "managers", "minimum": 5}, "minimum", r"size \(1 person\)"),
        ({"opens_at": NOW - timedelta(hours=1)}, "opens", "in the past"),
        ({"closes_at": NOW}, "closes", "must close after it opens"),
        ({"results_channel": "#general"}, "channel", "Pick the channel"),
        ({"minimum": "4.5"}, "minimum", "whole number"),
    ],
)
def test_bad_settings_are_refused_and_nothing_is_stored(
    database: Database, world: World, changes: dict[str, object], field: str, message: str
) -> None:
    with pytest.raises(InvalidField, match=message) as refused:
        create(database, values(world, **changes), caller(ENABLEMENT))
    assert refused.value.field == field
    assert count(database) == 0


@pytest.mark.parametrize(("smallest", "minimum", "refused"),
                         [(None, 4, True), (7, 5, True), (7, 7, False), (3, 3, False)])
def test_a_minimum_is_never_below_the_programs_smallest_group(
    database: Database, world: World, smallest: int | None, minimum: int, refused: bool
) -> None:
    if smallest is not None:
        with database.session_factory.begin() as session:
            session.get_one(Program, world.program_id).smallest_group = smallest
    if refused:
        with pytest.raises(InvalidField, match="the program's smallest group"):
            create(database, values(world, minimum=minimum), caller(ENABLEMENT))
    else:
        survey = create(database, values(world, minimum=minimum), caller(ENABLEMENT))
        assert survey.minimum == minimum
    assert count(database) == (0 if refused else 1)


def test_an_ended_program_takes_no_survey(database: Database, world: World) -> None:
    with database.session_factory.begin() as session:
        program = session.get(Program, world.program_id)
        assert program is not None
        program.status = ProgramStatus.ENDED
    with pytest.raises(InvalidField, match="has ended"):
        create(database, values(world), None)
