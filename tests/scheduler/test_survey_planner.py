"""Survey DMs reach people in their own working hours; the reminder audience is fixed once, a day
before closing; closing happens at its time; answering never touches an outbox row."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.kinds import DeliveryKind
from bot.domain.surveys.content import AnswerContent
from bot.services.surveys.answer import record_answer
from bot.settings import Settings
from db.models import (
    Delivery,
    DeliveryStatus,
    OutOfOffice,
    Person,
    Program,
    ProgramStatus,
    Survey,
    SurveyOutcome,
)
from scheduler.planning import plan_all
from scheduler.plans.surveys import SurveyPlanner
from tests.databases import Database
from tests.services.surveys.world import KEY, make_survey, make_world

# The program is in UTC: 17:00 is inside its working hours, 18:00 in Berlin, 09:00 in Los Angeles.
MONDAY_LATE = datetime(2027, 2, 1, 17, 0, tzinfo=UTC)
FRIDAY_NOON = datetime(2027, 2, 5, 12, 0, tzinfo=UTC)
ZONED = (("UBERLIN", "Europe/Berlin"), ("ULA", "America/Los_Angeles"), ("UKOLKATA", "Asia/Kolkata"))


@pytest.fixture
def survey_id(database: Database) -> int:
    """Five UTC reps and three in other zones, asked from Monday 17:00 UTC to Friday noon."""
    with database.session_factory.begin() as session:
        world = make_world(session, reps=5, zoned=ZONED)
        return make_survey(session, world, opens=MONDAY_LATE, closes=FRIDAY_NOON).id


def due(session: Session, planner: SurveyPlanner, kind: str) -> dict[str, datetime]:
    """Slack id -> due time of the planner's envelopes of `kind`, over the whole survey."""
    people = dict(session.execute(select(Person.id, Person.slack_user_id)).all())
    envelopes = planner.plan(
        session=session,
        start=MONDAY_LATE - timedelta(days=1),
        end=FRIDAY_NOON + timedelta(days=1),
    )
    return {people[e.person_id]: e.due_at for e in envelopes if e.kind == kind and e.person_id}


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """An instant in February 2027, UTC."""
    return datetime(2027, 2, day, hour, minute, tzinfo=UTC)


def test_invitations_come_in_each_persons_working_hours(
    database: Database, settings: Settings, survey_id: int
) -> None:
    with database.session_factory() as session:
        invited = due(session, SurveyPlanner(settings), DeliveryKind.SURVEY_INVITE)
    assert invited["UREP01"] == MONDAY_LATE  # 17:00 in UTC: at opening
    assert invited["UBERLIN"] == at(2, 7)  # 18:00 in Berlin is after hours: Tuesday 08:00
    assert invited["ULA"] == MONDAY_LATE  # 09:00 in Los Angeles: at opening
    assert invited["UKOLKATA"] == at(2, 2, 30)  # 08:00 in Kolkata
    assert "UENABLE" not in invited  # reps only


def test_someone_away_is_invited_when_back_if_still_open(
    database: Database, settings: Settings, survey_id: int
) -> None:
    with database.session_factory.begin() as session:
        people = dict(session.execute(select(Person.slack_user_id, Person.id)).all())
        session.add(
            OutOfOffice(
                person_id=people["UREP01"], first_day=date(2027, 2, 1), last_day=date(2027, 2, 3)
            )
        )
        session.add(
            OutOfOffice(
                person_id=people["UREP02"], first_day=date(2027, 2, 1), last_day=date(2027, 2, 12)
            )
        )
    with database.session_factory() as session:
        invited = due(session, SurveyPlanner(settings), DeliveryKind.SURVEY_INVITE)
    assert invited["UREP01"] == at(4, 8)  # back on Thursday
    assert "UREP02" not in invited  # back after it closes


def test_an_opening_on_friday_evening_reaches_people_on_monday(
    database: Database, settings: Settings
) -> None:
    with database.session_factory.begin() as session:
        world = make_world(session, reps=5, tz="Europe/Berlin")
        make_survey(session, world, opens=at(5, 17), closes=at(10, 12))  # 18:00 in Berlin
    with database.session_factory() as session:
        planned = SurveyPlanner(settings).plan(session=session, start=at(5, 0), end=at(12, 0))
        assert {e.due_at for e in planned if e.kind == DeliveryKind.SURVEY_INVITE} == {at(8, 7)}


def test_invitations_follow_the_programs_own_working_hours(
    database: Database, settings: Settings, survey_id: int
) -> None:
    with database.session_factory.begin() as session:
        program = session.scalars(select(Program)).one()
        program.work_start, program.work_end = time(9, 0), time(15, 0)
    with database.session_factory() as session:
        invited = due(session, SurveyPlanner(settings), DeliveryKind.SURVEY_INVITE)
    assert invited["UREP01"] == at(2, 9)  # Tuesday 09:00 UTC, not 08:00
    assert invited["UBERLIN"] == at(2, 8)  # 09:00 in Berlin
    assert invited["UKOLKATA"] == at(2, 3, 30)  # 09:00 in Kolkata
    assert invited["ULA"] == MONDAY_LATE  # 09:00 in Los Angeles, inside 09:00-15:00


def test_a_paused_program_plans_nothing(
    database: Database, settings: Settings, survey_id: int
) -> None:
    with database.session_factory.begin() as session:
        for program in session.scalars(select(Program)):
            program.status = ProgramStatus.PAUSED
    with database.session_factory() as session:
        assert due(session, SurveyPlanner(settings), DeliveryKind.SURVEY_INVITE) == {}


def answer(database: Database, survey_id: int, slack_id: str, now: datetime) -> None:
    """`slack_id` answers 9."""
    with database.session_factory.begin() as session:
        record_answer(
            session=session,
            survey_id=survey_id,
            slack_user_id=slack_id,
            answer=AnswerContent(score=9),
            now=now,
            key=KEY,
        )


def outbox(database: Database) -> set[tuple[str, str, datetime]]:
    """(key, status, due) of every outbox row."""
    with database.session_factory() as session:
        return {(d.key, d.status, d.due_at) for d in session.scalars(select(Delivery))}


def test_the_reminder_is_decided_once_and_answers_never_touch_the_outbox(
    database: Database, settings: Settings, survey_id: int
) -> None:
    planner = SurveyPlanner(settings)
    with database.session_factory.begin() as session:
        plan_all(session, [planner], now=at(2, 9, 1))
    before = outbox(database)
    answer(database, survey_id, "UREP01", at(2, 10))
    answer(database, survey_id, "UREP02", at(2, 11))
    with database.session_factory.begin() as session:
        result = plan_all(session, [planner], now=at(2, 12))
    assert (result.added, result.replanned, result.cancelled) == (0, 0, 0)
    assert outbox(database) == before
    with database.session_factory.begin() as session:
        plan_all(session, [planner], now=at(4, 12))  # a day before closing
        reminded = due(session, planner, DeliveryKind.SURVEY_REMINDER)
    assert set(reminded) == {"UREP03", "UREP04", "UREP05", "UBERLIN", "ULA", "UKOLKATA"}
    assert reminded["ULA"] == at(4, 16)  # 08:00 in Los Angeles
    before = outbox(database)
    answer(database, survey_id, "UREP03", at(4, 13))  # reminded, answers before it reaches them
    with database.session_factory.begin() as session:
        result = plan_all(session, [planner], now=at(4, 14))
    assert (result.added, result.replanned, result.cancelled) == (0, 0, 0)
    assert outbox(database) == before


def test_the_survey_closes_at_its_time(
    database: Database, settings: Settings, survey_id: int
) -> None:
    planner = SurveyPlanner(settings)
    for slack_id in ("UREP01", "UREP02", "UREP03", "UREP04", "UREP05"):
        answer(database, survey_id, slack_id, at(2, 10))
    with database.session_factory.begin() as session:
        plan_all(session, [planner], now=FRIDAY_NOON - timedelta(seconds=1))
        assert session.scalar(select(Survey.closed_at)) is None
        plan_all(session, [planner], now=FRIDAY_NOON)
        closed = session.execute(select(Survey.closed_at, Survey.outcome)).one()
        assert tuple(closed) == (FRIDAY_NOON, SurveyOutcome.PUBLISHED)
        results = session.scalars(select(Delivery).where(Delivery.kind == "survey_results")).one()
        assert (results.due_at, results.status) == (FRIDAY_NOON, DeliveryStatus.PLANNED)
        # A closed survey plans nothing more.
        assert due(session, planner, DeliveryKind.SURVEY_INVITE) == {}


def test_without_the_signing_secret_surveys_wait_and_planning_goes_on(
    database: Database, settings: Settings, survey_id: int, caplog: pytest.LogCaptureFixture
) -> None:
    keyless = SurveyPlanner(settings.model_copy(update={"slack_signing_secret": None}))
    with database.session_factory.begin() as session:
        plan_all(session, [keyless], now=FRIDAY_NOON)
        assert session.scalar(select(Survey.closed_at)) is None
    assert "stay open until this process has the key: SLACK_SIGNING_SECRET" in caplog.text


def test_each_invitation_says_the_closing_in_its_readers_time(
    database: Database, settings: Settings, survey_id: int
) -> None:
    with database.session_factory() as session:
        people = dict(session.execute(select(Person.id, Person.slack_user_id)).all())
        envelopes = SurveyPlanner(settings).plan(
            session=session, start=MONDAY_LATE, end=FRIDAY_NOON)
        texts = {people[e.person_id]: str(e.blocks) for e in envelopes
                 if e.kind == DeliveryKind.SURVEY_INVITE and e.person_id}
    # Friday 12:00 UTC is 04:00 in Los Angeles and 17:30 in Kolkata.
    assert "Answer by Fri 5 Feb 03:59 your time." in texts["ULA"]
    assert "Answer by Fri 5 Feb 17:29 your time." in texts["UKOLKATA"]
    assert "Answer by Fri 5 Feb 11:59 your time." in texts["UREP01"]
