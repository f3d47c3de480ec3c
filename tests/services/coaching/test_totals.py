"""The read-out's coaching totals, counted in SQL by groups, equal what the row-by-row history
counts item by item: every status (absences of a rep and of a manager, a pair over, a rep moved
to another manager, a reschedule, a dispute) and the rubric sums, at several instants."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import fields
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from bot.domain.coaching.status import CadenceCounts
from bot.services.coaching.history import CoachingHistory, coaching_history
from bot.services.coaching.totals import CoachingTotals, RubricTotals, coaching_totals
from db.models import CadenceType, Confirmation, LoggedStatus, Membership, OutOfOffice, Program
from db.models.coaching import RUBRIC_DIMENSIONS
from tests.coaching_world import build_world, item_of, materialise
from tests.databases import Database
from tests.services.coaching.test_history import scored

ONE, CALL = CadenceType.ONE_ON_ONE, CadenceType.CALL_REVIEW


def by_week(history: CoachingHistory) -> dict[int, dict[CadenceType, CadenceCounts]]:
    """The history's counts summed over the managers, per week and cadence type."""
    summed: dict[int, dict[CadenceType, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for week in history.weeks:
        for cadence, counts in week.cadences.items():
            summed[week.week][cadence].update(
                {f.name: getattr(counts, f.name) for f in fields(CadenceCounts)}
            )
    return {week: {cadence: CadenceCounts(**counted) for cadence, counted in cadences.items()}
            for week, cadences in summed.items()}


def counted(totals: CoachingTotals) -> dict[int, dict[CadenceType, CadenceCounts]]:
    """The totals' counts, in the same shape."""
    return {week: {cadence: CadenceCounts.of(statuses) for cadence, statuses in cadences.items()}
            for week, cadences in totals.weeks.items()}


def rubric_of(history: CoachingHistory) -> RubricTotals:
    """The rubric sums over the history's reps with two reviews or more."""
    compared = [rep for rep in history.rubric if rep.reviews >= 2]
    trends = [{trend.dimension: trend for trend in rep.trends} for rep in compared]
    return RubricTotals(
        reps=len(compared),
        first={name: sum(rep[name].first for rep in trends) for name in RUBRIC_DIMENSIONS},
        latest={name: sum(rep[name].latest for rep in trends) for name in RUBRIC_DIMENSIONS},
    )


@pytest.mark.parametrize("now", [
    datetime(2027, 1, 20, 12, tzinfo=UTC),  # week 2 open
    datetime(2027, 1, 26, tzinfo=UTC),  # week 2 over, week 3 open
    datetime(2027, 2, 9, tzinfo=UTC),  # after week 4
    datetime(2027, 3, 1, tzinfo=UTC),  # long after the cadence
])
def test_totals_counted_in_sql_match_the_items_one_by_one(
    database: Database, now: datetime
) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        materialise(session, world, datetime(2027, 1, 12, tzinfo=UTC))
        item_of(session, world, "URANA", ONE, 2).status = LoggedStatus.DONE
        disputed = item_of(session, world, "URBEN", ONE, 2)
        disputed.status, disputed.confirmation = LoggedStatus.DONE, Confirmation.DISPUTED
        item_of(session, world, "URCAI", ONE, 2).status = LoggedStatus.SKIPPED
        moved = item_of(session, world, "URANA", ONE, 3)
        moved.status, moved.rescheduled_to = LoggedStatus.RESCHEDULED, date(2027, 2, 2)
        session.add_all([
            OutOfOffice(person_id=world.people["URDAN"], first_day=date(2027, 1, 18),
                        last_day=date(2027, 1, 24)),  # a rep away all week 2
            OutOfOffice(person_id=world.people["UMBER"], first_day=date(2027, 1, 25),
                        last_day=date(2027, 1, 27)),  # a manager away part of week 3
            OutOfOffice(person_id=world.people["UMDEL"], first_day=date(2027, 2, 1),
                        last_day=date(2027, 2, 7)),  # a manager away all week 4
        ])
        for rep, week, scores in (
            ("URANA", 2, [2, 3, 3, 2, 1]), ("URANA", 4, [4, 3, 4, 5, 2]),
            ("URBEN", 2, [3, 3, 3, 3, 3]), ("URBEN", 4, [1, 1, 1, 1, 1]),
            ("URLEN", 2, [5, 4, 3, 2, 1]), ("URLEN", 4, [1, 2, 3, 4, 5]),
            ("URARJ", 2, [2, 2, 2, 2, 2]),
        ):
            scored(session, world, rep, week, scores)
        item_of(session, world, "URBEN", CALL, 4).confirmation = Confirmation.CONFIRMED
        # Held the same day as week 2's: the later one by week is the latest.
        item_of(session, world, "URLEN", CALL, 4).held_on = date(2027, 1, 19)
        item_of(session, world, "URLEN", CALL, 2).held_on = date(2027, 1, 19)
        memberships = {m.person_id: m for m in session.scalars(
            select(Membership).where(Membership.program_id == world.program_id))}
        memberships[world.people["URJON"]].active = False  # a pair over
        memberships[world.people["URKAI"]].manager_id = world.people["UMLA"]  # moved
        session.flush()
        program = session.get_one(Program, world.program_id)
        history = coaching_history(session=session, program_id=world.program_id, now=now)
        totals = coaching_totals(session=session, program=program, now=now)
    assert counted(totals) == by_week(history)
    assert totals.rubric == rubric_of(history)
    assert totals.rubric.reps == 3
    assert sum(c.excused for w in counted(totals).values() for c in w.values()) > 0
