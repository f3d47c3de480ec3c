"""The participation report keeps to the program's smallest group for anyone but the operator."""

from __future__ import annotations

import pytest

from bot.services.standups.report import participation_report
from db.models import Program
from tests.databases import Database
from tests.standup_world import World, build_world, utc

AFTER_WEEK = utc(2027, 3, 20)


@pytest.fixture
def world(database: Database) -> World:
    """Five reps: APAC 3, EMEA 1, West 1."""
    with database.session_factory.begin() as session:
        return build_world(session)


def report(database: Database, world: World, *, smallest: int,
           for_operator: bool = False) -> dict[str, object]:
    """The report with the program's smallest group set to `smallest`."""
    with database.session_factory.begin() as session:
        program = session.get_one(Program, world.program_id)
        program.smallest_group = smallest
        return participation_report(session=session, program=program, now=AFTER_WEEK,
                                    for_operator=for_operator)


def test_the_operator_sees_every_team(database: Database, world: World) -> None:
    teams = report(database, world, smallest=5, for_operator=True)["teams"]
    assert [row["team"] for row in teams] == ["APAC", "EMEA", "West"]  # type: ignore[attr-defined]


def test_two_lone_reps_are_not_left_to_subtraction_from_the_overall(
    database: Database, world: World
) -> None:
    # APAC (3) may be shown at 3, but overall minus APAC would be EMEA and West's 2 reps
    result = report(database, world, smallest=3)
    assert result["teams"] == []
    assert result["totals"] is not None


def test_a_program_smaller_than_its_smallest_group_shows_no_figure(
    database: Database, world: World
) -> None:
    result = report(database, world, smallest=6)
    assert (result["teams"], result["days"], result["totals"]) == ([], [], None)
