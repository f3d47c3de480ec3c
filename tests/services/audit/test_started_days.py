"""A week's audit counts only the standup days that have begun, never one still to come.

The audit program of tests/audit_world.py (8 reps in Berlin) with its event on Tuesday and
Wednesday 12-13 January: standup days Thu 14, Fri 15, Mon 18, Tue 19 and Wed 20 January.
"""

from __future__ import annotations

from datetime import date

from bot.services.audit.compute import compute_week
from bot.services.audit.weeks import audit_prepared_at
from db.models import Program
from tests.audit_world import build_world, utc
from tests.databases import Database

KICKOFF_WEEK = date(2027, 1, 11)


def test_the_kickoff_weeks_audit_counts_days_1_and_2_only(database: Database) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session, kickoff_date=date(2027, 1, 12), event_days=2, standup_days=5)
        program = session.get_one(Program, world.program_id)
        at_week_end = audit_prepared_at(program, KICKOFF_WEEK)  # Monday 18, 00:00 Berlin

        closed = compute_week(session=session, program=program, monday=KICKOFF_WEEK,
                              now=at_week_end).standups.counts()
        monday_morning = compute_week(session=session, program=program, monday=KICKOFF_WEEK,
                                      now=utc(1, 18, 9)).standups.counts()

    assert closed.expected == 16  # 8 reps, Days 1 and 2; Days 3-5 have not begun
    assert closed.pending == 0
    assert monday_morning.expected == 24  # Day 3 has begun in Berlin and is still open
    assert monday_morning.pending == 7  # and excused for the rep out of office that week
