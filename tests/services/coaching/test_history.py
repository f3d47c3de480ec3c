"""The record the audit reads: counts per manager, week and cadence; rubric first vs latest."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from bot.domain.coaching.status import CadenceCounts
from bot.services.coaching.history import CoachingHistory, DisputedSession, coaching_history
from db.models import (
    CadenceType,
    Confirmation,
    LoggedStatus,
    OutOfOffice,
    Person,
    Program,
    Role,
    Workspace,
)
from tests.coaching_world import World, build_world, item_of, materialise
from tests.databases import Database
from tests.factories import add_member, make_person

ONE, CALL = CadenceType.ONE_ON_ONE, CadenceType.CALL_REVIEW
START = datetime(2027, 1, 12, tzinfo=UTC)
AFTER_WEEK_FOUR = datetime(2027, 2, 9, tzinfo=UTC)


def scored(session: Session, world: World, rep: str, week: int, scores: list[int]) -> None:
    """Log the rep's call review of `week` as held with these five scores."""
    item = item_of(session, world, rep, CALL, week)
    item.status, item.held_on = LoggedStatus.DONE, item.due_date
    for name, value in zip(("discovery", "multi_threading", "objection_handling", "next_step",
                            "value_articulation"), scores, strict=True):
        setattr(item, f"score_{name}", value)
    item.notes = "private coaching notes"


def history(session: Session, world: World, now: datetime = AFTER_WEEK_FOUR) -> CoachingHistory:
    """The program's record at `now`."""
    return coaching_history(session=session, program_id=world.program_id, now=now)


def counts(record: CoachingHistory, world: World, manager: str, week: int) -> dict[Any, Any]:
    """The counts of one manager's week, by cadence type."""
    [found] = [w for w in record.weeks
               if w.manager_id == world.people[manager] and w.week == week]
    return found.cadences


def test_each_item_counts_once_in_its_managers_week(database: Database) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        materialise(session, world, START)
        item_of(session, world, "URANA", ONE, 2).status = LoggedStatus.DONE
        disputed = item_of(session, world, "URBEN", ONE, 2)
        disputed.status, disputed.confirmation = LoggedStatus.DONE, Confirmation.DISPUTED
        skipped = item_of(session, world, "URCAI", ONE, 2)
        skipped.status, skipped.skip_reason = LoggedStatus.SKIPPED, "QBR week"
        session.add(OutOfOffice(person_id=world.people["URDAN"], first_day=date(2027, 1, 18),
                                last_day=date(2027, 1, 24)))
        moved = item_of(session, world, "URANA", ONE, 3)
        moved.status, moved.rescheduled_to = LoggedStatus.RESCHEDULED, date(2027, 2, 2)
        session.flush()
        record = history(session, world, datetime(2027, 1, 26, tzinfo=UTC))
    assert counts(record, world, "UMLA", 2) == {
        ONE: CadenceCounts(due=4, done=1, disputed=1, skipped=1, excused=1),
        CALL: CadenceCounts(due=4, missed=3, excused=1),
    }
    assert counts(record, world, "UMLA", 3)[ONE] == CadenceCounts(due=4, rescheduled=1, open=3)
    assert counts(record, world, "UMLA", 2)[ONE].completion == 1 / 3
    assert len(record.weeks) == 3 * 3  # three managers, weeks 2 to 4
    assert record.disputed == [
        DisputedSession(world.people["UMLA"], "Marcus Reed", "Rep Ben", ONE, 2, None)
    ]


def test_rubric_first_vs_latest_leaves_out_disputed_reviews_and_notes(database: Database) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        materialise(session, world, START)
        scored(session, world, "URANA", 2, [2, 3, 3, 2, 1])
        scored(session, world, "URANA", 4, [4, 3, 4, 5, 2])
        scored(session, world, "URBEN", 2, [3, 3, 3, 3, 3])
        scored(session, world, "URBEN", 4, [1, 1, 1, 1, 1])
        item_of(session, world, "URBEN", CALL, 4).confirmation = Confirmation.DISPUTED
        session.flush()
        record = history(session, world)
    ana, ben = record.rubric
    assert (ana.rep_name, ana.reviews, ben.rep_name, ben.reviews) == ("Rep Ana", 2, "Rep Ben", 1)
    assert [(t.dimension, t.first, t.latest) for t in ana.trends] == [
        ("discovery", 2, 4), ("multi_threading", 3, 3), ("objection_handling", 3, 4),
        ("next_step", 2, 5), ("value_articulation", 1, 2),
    ]
    assert {(t.first, t.latest) for t in ben.trends} == {(3, 3)}
    assert "private coaching notes" not in repr(record)


@contextmanager
def counted_queries(session: Session) -> Iterator[list[str]]:
    """Every SQL statement the session's connection runs meanwhile."""
    statements: list[str] = []
    engine = session.get_bind()

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def test_the_number_of_queries_does_not_grow_with_the_program(database: Database) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        materialise(session, world, START)
        session.expunge_all()
        with counted_queries(session) as small:
            history(session, world)
        program = session.get_one(Program, world.program_id)
        manager = session.get_one(Person, world.people["UMLA"])
        workspace = session.get_one(Workspace, world.workspace_id)
        for n in range(20):
            rep = make_person(session, workspace, f"UEXTRA{n}", name=f"Extra {n}")
            add_member(session, program, rep, Role.REP, manager=manager)
        assert materialise(session, world, START) == 20 * 6
        session.expunge_all()
        with counted_queries(session) as large:
            record = history(session, world)
    assert sum(c.due for w in record.weeks for c in w.cadences.values()) == 30 * 6
    assert len(small) == len(large) <= 4
