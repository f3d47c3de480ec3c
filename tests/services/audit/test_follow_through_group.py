"""The audit's standup follow-through keeps to the smallest-group rule: shown for a program with
at least its smallest group of reps, left out (zero) below it; participation itself unchanged."""

from __future__ import annotations

import pytest

from bot.blocks.audit_lines import standups_text
from bot.services.audit.compute import gather
from db.models import Program
from tests.databases import Database
from tests.standup_world import answer_with_follow_through, build_world, utc


@pytest.mark.parametrize(("smallest", "shown"), [(5, True), (6, False)])
def test_follow_through_is_shown_only_for_a_large_enough_program(
    database: Database, smallest: int, shown: bool
) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session, smallest_group=smallest)  # five reps
        answer_with_follow_through(session, world)
        program = session.get(Program, world.program_id)
        assert program is not None
        tally = gather(session=session, program=program, now=utc(2027, 3, 17, 12)).standups
    follow = (tally.follow_yes, tally.follow_partly, tally.follow_no)
    assert follow == ((3, 1, 1) if shown else (0, 0, 0))
    assert tally.answered == 8
    said = standups_text(tally)
    assert ("follow-through: 3 of 5 planned activities done (1 partly), 60%" in said) is shown
