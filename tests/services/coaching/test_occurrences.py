"""Materialising items: exactly the occurrences the rules give, for every active pair, once."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import UTC, date, datetime

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from bot.services.coaching.occurrences import materialise_items
from db.models import (
    CadenceType,
    CoachingItem,
    Membership,
    MembershipRole,
    Person,
    Program,
    Role,
)
from tests.coaching_world import MANAGERS, REPS, build_world, materialise
from tests.databases import Database
from tests.factories import make_program, make_workspace

BEFORE = datetime(2027, 1, 12, 12, tzinfo=UTC)
DUE = {2: date(2027, 1, 21), 3: date(2027, 1, 28), 4: date(2027, 2, 4)}
RULES = {
    (CadenceType.ONE_ON_ONE, 2), (CadenceType.ONE_ON_ONE, 3), (CadenceType.ONE_ON_ONE, 4),
    (CadenceType.CALL_REVIEW, 2), (CadenceType.CALL_REVIEW, 4),
    (CadenceType.TERRITORY_REVIEW, 3),
}


def test_three_managers_and_ten_reps_get_exactly_the_occurrences_of_the_rules(
    database: Database,
) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        assert materialise(session, world, BEFORE) == 60
        items = list(session.scalars(select(CoachingItem)))
    manager_of = {world.people[rep]: world.people[m] for m, reps in REPS.items() for rep in reps}
    assert len(items) == 60
    for rep_id, manager_id in manager_of.items():
        mine = [i for i in items if i.rep_id == rep_id]
        assert {(i.cadence, i.week) for i in mine} == RULES
        assert all(i.manager_id == manager_id and i.due_date == DUE[i.week] for i in mine)
    assert Counter(i.manager_id for i in items) == {
        world.people[m]: 6 * len(REPS[m]) for m in MANAGERS
    }


def test_materialising_again_creates_nothing(database: Database) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        materialise(session, world, BEFORE)
        assert materialise(session, world, BEFORE) == 0
        assert len(list(session.scalars(select(CoachingItem)))) == 60


def test_a_pair_formed_late_is_not_charged_for_weeks_already_over(database: Database) -> None:
    in_week_three = datetime(2027, 1, 26, 12, tzinfo=UTC)
    with database.session_factory.begin() as session:
        world = build_world(session)
        assert materialise(session, world, in_week_three) == 10 * 4
        weeks = {item.week for item in session.scalars(select(CoachingItem))}
    assert weeks == {3, 4}


def test_inactive_reps_and_deactivated_accounts_get_no_items(database: Database) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        membership = session.scalars(
            select(Membership).where(Membership.person_id == world.people["URANA"])
        ).one()
        membership.active = False
        person = session.get(Person, world.people["URBEN"])
        assert person is not None
        person.active = False
        assert materialise(session, world, BEFORE) == 8 * 6


def test_a_program_past_the_bound_parameter_limit_gets_all_its_items(database: Database) -> None:
    # 7,800 items of 9 values: more than one statement may bind on PostgreSQL (65,535) and on
    # SQLite as commonly built (32,766; Debian's build allows 250,000, so it is lowered here).
    with database.session_factory.begin() as session:
        connection = session.connection().connection.dbapi_connection
        if isinstance(connection, sqlite3.Connection):
            connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 32_766)
        program = _program_of_one_manager(session, reps=1300)
        assert materialise_items(session=session, program=program, now=BEFORE) == 1300 * 6
        session.execute(delete(CoachingItem).where(CoachingItem.id % 3 == 0))
        assert materialise_items(session=session, program=program, now=BEFORE) == 1300 * 2
        assert materialise_items(session=session, program=program, now=BEFORE) == 0
        assert session.scalar(select(func.count()).select_from(CoachingItem)) == 1300 * 6


def _program_of_one_manager(session: Session, *, reps: int) -> Program:
    """A program whose one manager coaches `reps` reps, written in bulk."""
    workspace = make_workspace(session)
    program = make_program(session, workspace)
    people = session.scalars(
        insert(Person).returning(Person.id, sort_by_parameter_order=True),
        [{"workspace_id": workspace.id, "slack_user_id": f"U{n:05d}", "name": f"Person {n}",
          "timezone": "UTC", "active": True} for n in range(reps + 1)],
    ).all()
    manager, *rep_ids = people
    memberships = session.scalars(
        insert(Membership).returning(Membership.id, sort_by_parameter_order=True),
        [{"program_id": program.id, "person_id": rep, "manager_id": manager, "active": True}
         for rep in rep_ids],
    ).all()
    session.execute(insert(MembershipRole),
                    [{"membership_id": m, "role": Role.REP} for m in memberships])
    return program
