"""The weekly audit's Behaviour section and the read-out's week-4 review, stored with the audit
and shown from what was stored (the 12-rep world; figures worked out in test_figures.py)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from bot.blocks.metrics_audit import BEAR_CASE
from bot.services.audit.record import record_readout, record_weekly_audit
from bot.services.metrics.checks import CheckedRow
from bot.services.metrics.store import write_values
from db.models import AuditSnapshot
from scheduler.plans.metrics_audit import behaviour_blocks
from tests.blockkit import assert_valid_blocks
from tests.databases import Database
from tests.services.metrics.world import World, build_world, load

WEEK_4_MONDAY = date(2027, 4, 5)
AUDIT_TIME = datetime(2027, 4, 12, 0, tzinfo=UTC)


def text_of(blocks: list[dict[str, object]]) -> str:
    return json.dumps(blocks)


def weekly(session: Session, world: World) -> AuditSnapshot:
    snapshot = record_weekly_audit(session=session, program=world.program,
                                   monday=WEEK_4_MONDAY, now=AUDIT_TIME)
    assert snapshot is not None
    return snapshot


def test_the_audit_of_week_4_shows_the_behaviour_section_per_team_and_overall(
    database: Database,
) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        load(session, world)
        blocks = behaviour_blocks(session=session, program=world.program,
                                  snapshot=weekly(session, world))
    assert_valid_blocks(blocks)
    text = text_of(blocks)
    assert "*Behaviour*: week 4 against the baseline" in text
    assert "overall: baseline 30.0, week 4 36.5, +21.8%, held (11 of 12 reps with both)" in text
    assert "team of Mia Manager: baseline 30.0, week 4 36.5, +21.7%, held" in text
    assert "other teams: baseline 30.0, week 4 36.6, +22.0%, held (5 of 6 reps" in text
    assert "Olga" not in text
    assert "Rep " not in text  # no rep is named


def test_the_posted_section_keeps_its_figures_when_data_changes_later(
    database: Database,
) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        load(session, world)
        snapshot = weekly(session, world)
        before = text_of(behaviour_blocks(session=session, program=world.program,
                                          snapshot=snapshot))
        write_values(session=session, program_id=world.program.id,
                     rows=[CheckedRow(world.reps[4].id, "dials", "2027-W14", 90)],
                     source="correction", now=AUDIT_TIME)
        after = text_of(behaviour_blocks(session=session, program=world.program,
                                         snapshot=snapshot))
    assert before == after


def test_the_readout_reviews_week_4_overall_with_the_bear_case_note(database: Database) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        load(session, world)
        snapshot = record_readout(session=session, program=world.program,
                                  week=date(2027, 4, 5), now=datetime(2027, 4, 9, tzinfo=UTC))
        assert snapshot is not None
        blocks = behaviour_blocks(session=session, program=world.program, snapshot=snapshot)
    assert_valid_blocks(blocks)
    text = text_of(blocks)
    assert "*Week-4 review*: behaviour in week 4 against the baseline, as of Fri 09 Apr" in text
    assert "*Slipped close dates (deals a week, lower is better; target -31% on baseline)*" in text
    assert "overall: baseline 2.0, week 4 1.0, -50.0%, held (11 of 12 reps with both)" in text
    assert "team of" not in text
    assert BEAR_CASE in text
