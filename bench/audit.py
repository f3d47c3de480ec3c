"""Audit benchmark: the weekly audit and the read-out at 1,000 and at 10,000 reps.

Builds a program of N reps (one manager per 10) with 30 days of activity (coaching logged,
week-1 standups answered, blockers, a published survey) in a fresh database, then measures the
weekly audit (numbers, message, chart, CSV) and the read-out: SQL statements and seconds (the
median of five runs) at each size, and their ratios (goal: the same statement count; a time ratio
of at most 10 for the weekly audit and at most 8 for the read-out).

Run: .venv/bin/python -m bench.audit [--sizes 1000 10000] [--database-url URL]
(without --database-url, a SQLite file in a temporary folder per size).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from statistics import median

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session

from bot.blocks.audit import build_audit_message
from bot.blocks.audit_readout import build_readout_message
from bot.scale import build_scaled_program
from bot.services.audit.chart import render_chart
from bot.services.audit.compute import compute_week
from bot.services.audit.export import csv_bytes, manager_rows
from bot.services.audit.readout import compute_readout
from db.base import Base
from db.models import Program
from db.session import make_engine, make_session_factory

WEEK_3 = date(2027, 1, 25)  # program week 3 of the built program
AUDITED_AT = datetime(2027, 2, 1, 8, tzinfo=UTC)  # its Monday post
READOUT_AT = datetime(2027, 2, 12, 8, tzinfo=UTC)
REPEATS = 5


@dataclass(frozen=True)
class Measure:
    """One timed run: SQL statements executed, seconds taken and this process's CPU seconds
    (which the neighbours of a shared machine move far less than the seconds)."""

    statements: int
    seconds: float
    cpu: float


def weekly_audit(session: Session, program: Program) -> None:
    """Everything the planner does for a week but the upload: numbers, message, chart, CSV."""
    numbers = compute_week(session=session, program=program, monday=WEEK_3, now=AUDITED_AT)
    build_audit_message(numbers, chart_file_id="F0BENCH", csv_link="https://files.example/c")
    render_chart(numbers)
    csv_bytes(manager_rows(numbers))


def readout(session: Session, program: Program) -> None:
    """The read-out's numbers and message."""
    build_readout_message(compute_readout(session=session, program=program, now=READOUT_AT))


def measure(engine: Engine, program_id: int, run: Callable[[Session, Program], None]) -> Measure:
    """The median of REPEATS runs, each in a fresh session, counting statements (the same in
    every run; on a shared machine the median is the figure least moved by the neighbours)."""
    runs = [_measure_once(engine, program_id, run) for _ in range(REPEATS)]
    return Measure(runs[0].statements, median(measured.seconds for measured in runs),
                   median(measured.cpu for measured in runs))


def _measure_once(
    engine: Engine, program_id: int, run: Callable[[Session, Program], None]
) -> Measure:
    statements = 0

    def count(*_: object) -> None:
        nonlocal statements
        statements += 1

    sessions = make_session_factory(engine)
    with sessions() as session:
        program = session.get_one(Program, program_id)
        event.listen(engine, "before_cursor_execute", count)
        started, cpu = time.perf_counter(), time.process_time()
        run(session, program)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        event.remove(engine, "before_cursor_execute", count)
    return Measure(statements, seconds, cpu)


def build(url: str, reps: int) -> tuple[Engine, int, float]:
    """A fresh database holding one program of `reps` reps; the engine, its id, build seconds."""
    engine = make_engine(url)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    started = time.perf_counter()
    with make_session_factory(engine).begin() as session:
        program_id = build_scaled_program(session, managers=reps // 10)
    return engine, program_id, time.perf_counter() - started


def main() -> None:
    """Build each size, measure, and print the figures and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[1000, 10000], metavar="REPS")
    parser.add_argument("--database-url", help="a PostgreSQL URL (its tables are recreated)")
    args = parser.parse_args()
    results: dict[str, list[Measure]] = {"weekly audit": [], "read-out": []}
    with tempfile.TemporaryDirectory() as folder:
        for reps in args.sizes:
            url = args.database_url or f"sqlite:///{Path(folder) / f'audit-{reps}.db'}"
            engine, program_id, built = build(url, reps)
            print(f"{reps:>6} reps, {reps // 10} managers: built in {built:.1f} s")
            _measure_once(engine, program_id, weekly_audit)  # warm up: matplotlib's fonts
            for name, run in (("weekly audit", weekly_audit), ("read-out", readout)):
                result = measure(engine, program_id, run)
                results[name].append(result)
                print(f"    {name:<13} {result.statements:>3} SQL statements "
                      f"{result.seconds:>7.3f} s {result.cpu:>7.3f} s CPU")
            engine.dispose()
    small, large = args.sizes
    print(f"\nratios {large} / {small} reps (goal: statements 1.00; time at most 10, "
          "the read-out's at most 8):")
    for name, (first, second) in results.items():
        print(f"    {name:<13} statements {second.statements / first.statements:.2f}   "
              f"time {second.seconds / first.seconds:.2f}   CPU {second.cpu / first.cpu:.2f}")


if __name__ == "__main__":
    main()
