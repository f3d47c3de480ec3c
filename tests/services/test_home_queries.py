"""The home's data is gathered with a fixed number of SQL statements, whatever the team size;
and the home of someone holding every role stays within Slack's 100 blocks."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import Engine, event

from bot.blocks.home.compose import build_home_view
from bot.fakeslack import FakeSlack
from bot.ids import ActionId
from bot.services.actor import actor_from_profile
from bot.services.coaching.occurrences import materialise_items
from bot.services.home import gather_home
from db.models import Person, Program, Role, Workspace
from tests.blockkit import assert_valid_view
from tests.databases import Database
from tests.factories import add_member, make_person, make_program
from tests.home_world import (
    ADMIN,
    ENABLEMENT,
    EVERY_DAY,
    LEADER,
    MANAGER,
    MULTI,
    HomeWorld,
    action_ids,
    build_home_world,
    headers,
)
from tests.live import LIVE_NOW

NOW = LIVE_NOW


@contextmanager
def counting(engine: Engine) -> Iterator[list[str]]:
    """Every SQL statement run on `engine` inside the block."""
    seen: list[str] = []

    def count(*args: Any) -> None:
        seen.append(str(args[2]))

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", count)


def home_of(database: Database, slack_id: str) -> tuple[dict[str, Any], int]:
    """The person's home view, and how many statements gathering its data took."""
    actor = actor_from_profile(slack_user_id=slack_id, email=None, is_workspace_admin=False,
                               kickoff_admins=(ADMIN,))
    with counting(database.engine) as seen, database.session_factory() as session:
        data = gather_home(session=session, actor=actor, kickoff_admins=(ADMIN,), now=NOW)
        view = build_home_view(data)
    assert_valid_view(view)
    return view, len(seen)


def add_reps(database: Database, world: HomeWorld, count: int, *, start: int = 0) -> None:
    """`count` more reps for MANAGER, with their coaching items."""
    with database.session_factory.begin() as session:
        program = session.get_one(Program, world.program_id)
        workspace = session.get_one(Workspace, world.workspace_id)
        manager = session.get_one(Person, world.people[MANAGER])
        for n in range(start, start + count):
            rep = make_person(session, workspace, f"UMORE{n:03d}", name=f"More {n:03d}")
            add_member(session, program, rep, Role.REP, manager=manager)
        materialise_items(session=session, program=program, now=NOW)


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack) -> HomeWorld:
    """The program with three reps."""
    with database.session_factory.begin() as session:
        return build_home_world(session, fake_slack)


@pytest.mark.parametrize("viewer", [MANAGER, ENABLEMENT, LEADER, ADMIN, "UHREP00"])
def test_a_ten_times_larger_team_costs_no_more_statements(
    database: Database, world: HomeWorld, viewer: str
) -> None:
    _, small = home_of(database, viewer)
    add_reps(database, world, 37)
    _, large = home_of(database, viewer)
    assert large == small


def test_someone_holding_every_role_in_four_programs_gets_every_section_within_100_blocks(
    database: Database, world: HomeWorld
) -> None:
    add_reps(database, world, 37)
    with database.session_factory.begin() as session:
        workspace = session.get_one(Workspace, world.workspace_id)
        multi = session.get_one(Person, world.people[MULTI])
        rep = session.get_one(Person, world.people["UHREP00"])
        for n in range(3):
            program = make_program(session, workspace, name=f"Regional kickoff {n}",
                                   kickoff_date=session.get_one(Program, world.program_id)
                                   .kickoff_date, working_days=EVERY_DAY)
            add_member(session, program, multi, *Role)
            add_member(session, program, rep, Role.REP, manager=multi)
            materialise_items(session=session, program=program, now=NOW)
    view, _ = home_of(database, MULTI)
    assert len(view["blocks"]) <= 100
    assert headers(view)[:5] == ["Your kickoff", "Your standups and coaching", "Your team",
                                 "Enablement", "Surveys"]
    assert {"Leadership", "Admin"} <= set(headers(view))
    assert {ActionId.PROGRAM_CREATE, ActionId.HOME_AUDIT_WEEK, ActionId.COACHING_LOG,
            ActionId.HOME_SURVEY_CREATE} <= action_ids(view)
