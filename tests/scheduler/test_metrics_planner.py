"""The metrics planner: this week's numbers on the last working day of weeks 1-4 at 16:00 in
the rep's time, one reminder, the T-7 pre-event report to reps with no baseline, nobody away."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from bot.domain.kinds import DeliveryKind
from bot.services.metrics.checks import CheckedRow
from bot.services.metrics.store import write_values
from db.models import OutOfOffice
from scheduler.plans.metrics import MetricsPlanner
from tests.databases import Database
from tests.services.metrics.world import World, build_world


def planned(session: Session, start: datetime, end: datetime) -> Counter[tuple[str, datetime]]:
    envelopes = MetricsPlanner().plan(session=session, start=start, end=end)
    return Counter((str(e.kind), e.due_at) for e in envelopes)


def at(day: int, month: int, hour: int) -> datetime:
    return datetime(2027, month, day, hour, tzinfo=UTC)


def report(session: Session, world: World, rep: int, period: str, source: str) -> None:
    write_values(session=session, program_id=world.program.id,
                 rows=[CheckedRow(world.reps[rep].id, "dials", period, 30)], source=source,
                 now=at(1, 3, 0))


def test_week_1_prompts_and_reminders_skip_who_reported_or_is_away(database: Database) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        # Week 1 runs 9-21 March: its last working day is Friday 19 March.
        report(session, world, 0, "2027-W10", "self-report")  # week 1 is stored as W10
        session.add(OutOfOffice(person_id=world.reps[1].id, first_day=date(2027, 3, 19),
                                last_day=date(2027, 3, 19)))
        session.add(OutOfOffice(person_id=world.reps[2].id, first_day=date(2027, 3, 22),
                                last_day=date(2027, 3, 22)))
        found = planned(session, at(15, 3, 0), at(25, 3, 0))
    prompt, reminder = DeliveryKind.METRICS_PROMPT.value, DeliveryKind.METRICS_REMINDER.value
    assert found == Counter({
        (prompt, at(19, 3, 16)): 10,  # not r1 (reported), not r2 (away that day)
        (reminder, at(22, 3, 10)): 9,  # r3 is away on Monday 22: hers falls on Tuesday
        (reminder, at(23, 3, 10)): 1,
    })


def test_the_pre_event_report_goes_at_t_minus_7_to_reps_without_a_baseline(
    database: Database,
) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        report(session, world, 0, "2027-W07", "import")
        found = planned(session, at(22, 2, 0), at(8, 3, 0))
    # Kickoff Monday 8 March: T-7 is Monday 1 March; r1 has a baseline from the import.
    assert found == Counter({(DeliveryKind.METRICS_PRE_EVENT.value, at(1, 3, 16)): 11})
