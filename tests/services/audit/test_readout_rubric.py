"""The read-out's rubric averages are shown only over at least the program's smallest group of
reps: in tests/audit_world.py five reps (1, 2, 3, 4 and 6) have two scored call reviews."""

from __future__ import annotations

import pytest

from bot.blocks.audit_readout import rubric_lines
from bot.services.audit.readout import compute_readout
from bot.services.coaching.occurrences import materialise_items
from db.models import Program
from tests.audit_world import build_world, log_coaching, utc
from tests.databases import Database


@pytest.mark.parametrize("smallest", [5, 6])
def test_the_rubric_averages_need_the_smallest_group_of_reps(
    database: Database, smallest: int
) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session, smallest_group=smallest)
        program = session.get_one(Program, world.program_id)
        materialise_items(session=session, program=program, now=utc(1, 11))
        for week in (2, 3, 4):
            log_coaching(session, world, week)
        numbers = compute_readout(session=session, program=program, now=utc(2, 12))
    assert numbers.rubric_reps == 5
    if smallest == 5:
        # Discovery: first reviews 2, 2, 3, 3, 5 (average 3.0); latest all 4 (4.0).
        assert rubric_lines(numbers)[1] == "Discovery: 3.0 → 4.0 (+1.0)"
    else:
        assert numbers.rubric == []
        assert rubric_lines(numbers) == [
            "*Call-review rubric:* 5 reps with two scored call reviews, fewer than the 6 an "
            "average is shown for."
        ]
