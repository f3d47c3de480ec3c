"""Metrics benchmark: importing 100,000 values, and the audit's Behaviour figures at 1,000 and
10,000 reps.

1. Import: a CSV of 100,000 rows (1,000 reps, 100 days of dials each) through
   `kickoff-bot metrics import`'s service (read, every row checked, written), in rows per
   second, next to a bare bulk INSERT of the same rows already resolved (goal: a ratio of at
   least 0.5).
2. The Behaviour section the weekly audit stores (every metric, per team and overall) on programs
   of 1,000 and 10,000 reps with a baseline and four weeks of values each: SQL statements and
   seconds (goal: the same statement count at both sizes).

Run: .venv/bin/python -m bench.metrics [--sizes 1000 10000] [--database-url URL]
(without --database-url, a SQLite file in a temporary folder per run).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, delete, event, insert, select
from sqlalchemy.orm import Session

from bot.domain.metrics.periods import metric_weeks
from bot.scale import KICKOFF, build_scaled_program
from bot.services.metrics.audit_section import WEEKLY, record_behaviour
from bot.services.metrics.csv_import import IMPORT_SOURCE, import_metrics_csv
from bot.services.program_weeks import calendar_of
from db.base import Base
from db.models import Membership, MetricValue, Person, Program
from db.session import make_engine, make_session_factory

IMPORT_REPS = 1_000
IMPORT_DAYS = 100
NOW = datetime(2027, 2, 15, 9, tzinfo=UTC)
REPEATS = 2


def fresh(url: str, reps: int) -> tuple[Engine, int]:
    """A database holding one program of `reps` reps (and their month of activity)."""
    engine = make_engine(url)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with make_session_factory(engine).begin() as session:
        program_id = build_scaled_program(session, managers=reps // 10)
    return engine, program_id


def rep_emails(session: Session, program_id: int) -> dict[int, str]:
    """Every member's person id and email, giving each an email first (the built program has
    Slack ids only)."""
    people = session.scalars(select(Person).join(Membership, Membership.person_id == Person.id)
                             .where(Membership.program_id == program_id)).all()
    for person in people:
        person.email = f"{person.slack_user_id.lower()}@example.com"
    session.flush()
    return {person.id: str(person.email) for person in people}


def import_ratio(url: str) -> None:
    """Rows per second of the import against a bare bulk INSERT of the same rows."""
    engine, program_id = fresh(url, IMPORT_REPS)
    sessions = make_session_factory(engine)
    with sessions.begin() as session:
        emails = rep_emails(session, program_id)
    reps = sorted(emails)[:IMPORT_REPS]
    days = [KICKOFF - timedelta(days=IMPORT_DAYS - n) for n in range(IMPORT_DAYS)]
    lines = ["email,metric,period,value", *(f"{emails[rep]},dials,{day},{30 + rep % 7}"
                                            for rep in reps for day in days)]
    content = ("\n".join(lines) + "\n").encode()
    rows = len(lines) - 1
    bare_rows = [{"program_id": program_id, "person_id": rep, "metric": "dials",
                  "period": day.isoformat(), "value": float(30 + rep % 7),
                  "source": IMPORT_SOURCE, "recorded_at": NOW} for rep in reps for day in days]

    def imported(session: Session) -> None:
        import_metrics_csv(session=session, program=session.get_one(Program, program_id),
                           content=content, now=NOW)

    def bare(session: Session) -> None:
        session.execute(insert(MetricValue), bare_rows)

    # best of REPEATS each, alternating, into an emptied table: the machine's noise falls on both
    times: dict[str, list[float]] = {"import": [], "bare": []}
    for _ in range(REPEATS):
        for name, run in (("import", imported), ("bare", bare)):
            with sessions.begin() as session:
                session.execute(delete(MetricValue))
            with sessions.begin() as session:
                started = time.perf_counter()
                run(session)
            times[name].append(time.perf_counter() - started)
    best_import, best_bare = min(times["import"]), min(times["bare"])
    engine.dispose()
    print(f"import of {rows:,} rows: {rows / best_import:,.0f} rows/s (file read, every row "
          f"checked, written); bare bulk INSERT {rows / best_bare:,.0f} rows/s")
    print(f"    ratio import / bare: {best_bare / best_import:.2f} (goal: at least 0.5)")


def behaviour_statements(url: str, reps: int) -> tuple[int, float]:
    """Statements and seconds of the audit's Behaviour figures on a program of `reps` reps."""
    engine, program_id = fresh(url, reps)
    sessions = make_session_factory(engine)
    with sessions.begin() as session:
        program = session.get_one(Program, program_id)
        weeks = metric_weeks(calendar_of(program), kickoff_date=program.kickoff_date)
        rep_ids = session.scalars(select(Membership.person_id).where(
            Membership.program_id == program_id, Membership.manager_id.is_not(None))).all()
        session.execute(insert(MetricValue), [
            {"program_id": program_id, "person_id": rep, "metric": metric,
             "period": _iso_week(week.first), "value": float(20 + rep % 9),
             "source": IMPORT_SOURCE, "recorded_at": NOW}
            for rep in rep_ids for week in weeks if week.number <= 4
            for metric in ("dials", "discovery_calls", "slipped_close_dates")])
    statements = 0

    def count(*_: object) -> None:
        nonlocal statements
        statements += 1

    with sessions.begin() as session:
        program = session.get_one(Program, program_id)
        event.listen(engine, "before_cursor_execute", count)
        started = time.perf_counter()
        # the audit of the week of Monday 1 February shows week 4 (1-7 February)
        record_behaviour(session=session, program=program, kind=WEEKLY, week="2027-W05",
                         monday=date(2027, 2, 1), now=NOW)
        seconds = time.perf_counter() - started
        event.remove(engine, "before_cursor_execute", count)
    engine.dispose()
    return statements, seconds


def _iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def main() -> None:
    """Measure both and print the figures and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[1000, 10000], metavar="REPS")
    parser.add_argument("--database-url", help="a PostgreSQL URL (its tables are recreated)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        import_ratio(args.database_url or f"sqlite:///{Path(folder) / 'import.db'}")
        found = []
        for reps in args.sizes:
            url = args.database_url or f"sqlite:///{Path(folder) / f'behaviour-{reps}.db'}"
            statements, seconds = behaviour_statements(url, reps)
            found.append(statements)
            print(f"Behaviour figures, {reps:>6} reps: {statements} SQL statements, "
                  f"{seconds:.2f} s")
    print(f"    statements {args.sizes[1]} / {args.sizes[0]} reps: {found[1] / found[0]:.2f} "
          "(goal: 1.00)")


if __name__ == "__main__":
    main()
