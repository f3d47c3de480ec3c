"""Derived statuses: missed and excused depend on `now`, absences and the roster, never stored."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.coaching.status import Status
from bot.services.coaching.status import load_status_context
from db.models import (
    CadenceType,
    CoachingItem,
    Confirmation,
    LoggedStatus,
    Membership,
    OutOfOffice,
    Person,
    Program,
)
from tests.coaching_world import World, build_world, item_of, materialise
from tests.databases import Database

START = datetime(2027, 1, 12, 12, tzinfo=UTC)
# Week 2 ends at midnight after Sunday 24 January in New York: 05:00 UTC on the 25th.
WEEK_TWO_OVER = datetime(2027, 1, 25, 5, tzinfo=UTC)
ONE = CadenceType.ONE_ON_ONE


@pytest.fixture
def world(database: Database) -> World:
    """The program with its 60 items."""
    with database.session_factory.begin() as session:
        built = build_world(session)
        materialise(session, built, START)
        return built


def status(session: Session, world: World, item: CoachingItem, now: datetime) -> Status:
    """The item's status at `now`, as every reader derives it."""
    program = session.get(Program, world.program_id)
    assert program is not None
    return load_status_context(session=session, program=program).status_of(item, now)


def test_an_unlogged_item_is_open_until_its_week_ends_then_missed(
    database: Database, world: World
) -> None:
    with database.session_factory.begin() as session:
        item = item_of(session, world, "URANA", ONE, 2)
        assert status(session, world, item, WEEK_TWO_OVER.replace(hour=4, minute=59)) is Status.OPEN
        assert status(session, world, item, WEEK_TWO_OVER) is Status.MISSED


def test_done_disputed_and_confirmed(database: Database, world: World) -> None:
    with database.session_factory.begin() as session:
        item = item_of(session, world, "URANA", ONE, 2)
        item.status, item.held_on = LoggedStatus.DONE, date(2027, 1, 21)
        assert status(session, world, item, WEEK_TWO_OVER) is Status.DONE
        item.confirmation = Confirmation.DISPUTED
        assert status(session, world, item, WEEK_TWO_OVER) is Status.DISPUTED
        item.confirmation = Confirmation.CONFIRMED
        assert status(session, world, item, WEEK_TWO_OVER) is Status.DONE


def test_a_rescheduled_item_is_missed_only_after_the_week_of_its_new_date(
    database: Database, world: World
) -> None:
    with database.session_factory.begin() as session:
        item = item_of(session, world, "URANA", ONE, 2)
        item.status, item.rescheduled_to = LoggedStatus.RESCHEDULED, date(2027, 1, 26)
        assert status(session, world, item, WEEK_TWO_OVER) is Status.RESCHEDULED
        assert status(session, world, item, datetime(2027, 2, 1, 5, tzinfo=UTC)) is Status.MISSED


def test_a_skip_stays_a_skip(database: Database, world: World) -> None:
    with database.session_factory.begin() as session:
        item = item_of(session, world, "URANA", ONE, 2)
        item.status, item.skip_reason = LoggedStatus.SKIPPED, "QBR week"
        assert status(session, world, item, START) is Status.SKIPPED
        assert status(session, world, item, WEEK_TWO_OVER) is Status.SKIPPED


def test_away_every_working_day_of_the_week_excuses_it(database: Database, world: World) -> None:
    with database.session_factory.begin() as session:
        # Monday 18 January is a holiday: Tuesday to Friday is the whole working week.
        session.add(OutOfOffice(person_id=world.people["URANA"], first_day=date(2027, 1, 19),
                                last_day=date(2027, 1, 22)))
        session.add(OutOfOffice(person_id=world.people["URBEN"], first_day=date(2027, 1, 19),
                                last_day=date(2027, 1, 21)))
        session.add(OutOfOffice(person_id=world.people["UMBER"], first_day=date(2027, 1, 25),
                                last_day=date(2027, 1, 29)))
        session.flush()
        assert status(session, world, item_of(session, world, "URANA", ONE, 2),
                      WEEK_TWO_OVER) is Status.EXCUSED
        assert status(session, world, item_of(session, world, "URBEN", ONE, 2),
                      WEEK_TWO_OVER) is Status.MISSED
        for rep in ("URLEN", "URJON", "URKAI"):  # their manager was away all of week 3
            assert status(session, world, item_of(session, world, rep, ONE, 3),
                          START) is Status.EXCUSED


def test_a_deactivated_or_moved_rep_excuses_what_was_not_done(
    database: Database, world: World
) -> None:
    with database.session_factory.begin() as session:
        done = item_of(session, world, "URANA", ONE, 2)
        done.status = LoggedStatus.DONE
        person = session.get(Person, world.people["URANA"])
        assert person is not None
        person.active = False
        moved = session.scalars(
            select(Membership).where(Membership.person_id == world.people["URBEN"])
        ).one()
        moved.manager_id = world.people["UMBER"]
        session.flush()
        assert status(session, world, done, WEEK_TWO_OVER) is Status.DONE
        assert status(session, world, item_of(session, world, "URANA", ONE, 3),
                      START) is Status.EXCUSED
        assert status(session, world, item_of(session, world, "URBEN", ONE, 2),
                      WEEK_TWO_OVER) is Status.EXCUSED
