"""The audit and the read-out run the same number of SQL statements whatever the size of the
program (counted with an SQLAlchemy event listener): 20 reps, and 600 reps, past the 500 ids at
which SQLAlchemy splits an eager load into several SELECTs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session

from bot.domain.audit.numbers import WeekNumbers
from bot.domain.audit.readout import ReadoutNumbers
from bot.scale import build_scaled_program
from bot.services.audit.compute import compute_week
from bot.services.audit.readout import compute_readout
from db.models import Program
from tests.databases import Database

NOW = datetime(2027, 2, 12, 8, tzinfo=UTC)
WEEK_3 = date(2027, 1, 25)  # program week 3: 1:1s and territory reviews, someone away

Audit = Callable[[Session, Program], WeekNumbers | ReadoutNumbers]


@contextmanager
def counting(engine: Engine) -> Iterator[list[str]]:
    """The SQL statements executed while open."""
    statements: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


def two_sizes(database: Database, audit: Audit) -> list[tuple[int, WeekNumbers | ReadoutNumbers]]:
    """Statements and result of `audit` on a program of 20 reps and on one of 600."""
    with database.session_factory.begin() as session:
        programs = [build_scaled_program(session, managers=managers, name=name)
                    for managers, name in ((2, "Small"), (60, "Large"))]
    measured = []
    for program_id in programs:
        with database.session_factory() as session:
            program = session.get_one(Program, program_id)
            with counting(database.engine) as statements:
                result = audit(session, program)
            measured.append((len(statements), result))
    return measured


def test_the_weekly_audit_runs_the_same_statements_at_20_and_600_reps(database: Database) -> None:
    (small, small_week), (large, large_week) = two_sizes(
        database, lambda s, p: compute_week(session=s, program=p, monday=WEEK_3, now=NOW)
    )
    assert isinstance(small_week, WeekNumbers)
    assert isinstance(large_week, WeekNumbers)
    assert (small_week.reps, large_week.reps) == (20, 600)
    assert (len(small_week.managers), len(large_week.managers)) == (2, 60)
    assert large_week.cadence("one_on_one").counted > 500  # the whole program was read
    assert small == large


def test_the_readout_runs_the_same_statements_at_20_and_600_reps(database: Database) -> None:
    (small, small_readout), (large, large_readout) = two_sizes(
        database, lambda s, p: compute_readout(session=s, program=p, now=NOW)
    )
    assert isinstance(small_readout, ReadoutNumbers)
    assert isinstance(large_readout, ReadoutNumbers)
    assert large_readout.standups.counted > small_readout.standups.counted
    assert small == large
