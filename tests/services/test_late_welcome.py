"""Welcoming newcomers to a launched program (explicit `now`): launch's welcome, due at the start
of their next working hours in their own zone, never twice, and only while the program runs."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.kinds import DeliveryKind
from bot.services.late_welcome import welcome_newcomers
from bot.services.launch import move_program
from bot.services.out_of_office import set_out_of_office
from db.models import Delivery, Membership, Person, Program, ProgramStatus, Role, Workspace
from tests.databases import Database
from tests.factories import add_member, make_person, make_program, make_workspace

LAUNCHED_AT = datetime(2027, 1, 4, 15, 0, tzinfo=UTC)  # Monday; the kickoff is the next Monday
FRIDAY_EVENING = datetime(2027, 1, 15, 17, 0, tzinfo=UTC)  # 18:00 in Berlin


@pytest.fixture
def program_id(database: Database) -> int:
    """A draft program with one manager, in New York."""
    with database.session_factory.begin() as session:
        workspace = make_workspace(session)
        program = make_program(session, workspace, status=ProgramStatus.DRAFT,
                               kickoff_date=date(2027, 1, 11), timezone="America/New_York")
        add_member(session, program, make_person(session, workspace, "UMGR"), Role.MANAGER)
        return program.id


def join(session: Session, program_id: int, slack_id: str, now: datetime) -> int:
    """A rep in Berlin joins the program at `now`; how many welcomes that queued."""
    program = session.get_one(Program, program_id)
    member = add_member(session, program, berliner(session, program, slack_id), Role.REP)
    return welcome_newcomers(session=session, program=program, newcomers=[member], now=now)


def berliner(session: Session, program: Program, slack_id: str) -> Person:
    """A person in Berlin, in the program's workspace."""
    workspace = session.get_one(Workspace, program.workspace_id)
    return make_person(session, workspace, slack_id, tz="Europe/Berlin")


def welcomes(session: Session) -> dict[str, Delivery]:
    """Welcome deliveries by recipient."""
    rows = session.scalars(select(Delivery).where(Delivery.kind == DeliveryKind.WELCOME))
    return {row.channel: row for row in rows}


def launch(session: Session, program_id: int) -> None:
    """Launch the program on LAUNCHED_AT."""
    program = session.get_one(Program, program_id)
    move_program(session=session, program=program, action="launch", now=LAUNCHED_AT)


def test_a_friday_evening_joiner_is_welcomed_on_monday_morning_in_their_zone(
    database: Database, program_id: int
) -> None:
    with database.session_factory.begin() as session:
        launch(session, program_id)
        assert join(session, program_id, "UANA", FRIDAY_EVENING) == 1
        welcome = welcomes(session)["UANA"]
    assert welcome.due_at == datetime(2027, 1, 18, 7, 0, tzinfo=UTC)  # Monday 08:00 in Berlin
    assert welcome.window_end == datetime(2027, 1, 18, 17, 0, tzinfo=UTC)  # 18:00 there
    assert " is live" in welcome.text


def test_someone_welcomed_once_is_not_welcomed_again(database: Database, program_id: int) -> None:
    with database.session_factory.begin() as session:
        launch(session, program_id)
        manager = session.scalars(select(Membership)).one()  # welcomed by the launch
        program = session.get_one(Program, program_id)
        again = welcome_newcomers(session=session, program=program, newcomers=[manager],
                                  now=FRIDAY_EVENING)
        assert again == 0
        assert len(welcomes(session)) == 1


def test_a_joiner_away_is_welcomed_on_their_first_working_day_back(
    database: Database, program_id: int
) -> None:
    with database.session_factory.begin() as session:
        launch(session, program_id)
        program = session.get_one(Program, program_id)
        person = berliner(session, program, "UBEN")
        set_out_of_office(session=session, person=person, first_day=date(2027, 1, 18),
                          last_day=date(2027, 1, 19), now=FRIDAY_EVENING)
        member = add_member(session, program, person, Role.REP)
        welcome_newcomers(session=session, program=program, newcomers=[member],
                          now=FRIDAY_EVENING)
        assert welcomes(session)["UBEN"].due_at == datetime(2027, 1, 20, 7, 0, tzinfo=UTC)


def test_on_the_events_day_a_joiner_is_welcomed_in_the_programs_working_hours(
    database: Database, program_id: int
) -> None:
    event_evening = datetime(2027, 1, 11, 20, 0, tzinfo=UTC)  # 21:00 in Berlin, 15:00 in New York
    with database.session_factory.begin() as session:
        launch(session, program_id)
        assert join(session, program_id, "UANA", event_evening) == 1
        welcome = welcomes(session)["UANA"]
    # At the New York event, a Berliner's day follows New York: welcomed at once, until 18:00
    # there (at home, 21:00 would have waited for Tuesday morning).
    assert (welcome.due_at, welcome.window_end) == (
        event_evening, datetime(2027, 1, 11, 23, 0, tzinfo=UTC))


@pytest.mark.parametrize(
    ("launched", "now"),
    [(False, FRIDAY_EVENING), (True, datetime(2027, 3, 1, 15, 0, tzinfo=UTC))],
    ids=["draft", "past the 30 days"],
)
def test_no_welcome_before_launch_or_after_the_30_days(
    database: Database, program_id: int, launched: bool, now: datetime
) -> None:
    with database.session_factory.begin() as session:
        if launched:
            launch(session, program_id)
        assert join(session, program_id, "UANA", now) == 0
        assert "UANA" not in welcomes(session)
