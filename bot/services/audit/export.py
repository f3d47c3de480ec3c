"""The audit as CSV rows for RevOps: per manager and week, and (from the shell) per rep and week.

Columns: level, name, manager, program_week, iso_week, due, excused, done, completion_pct;
excused items are out of completion's denominator. The file is written by the one export writer
(bot/domain/export.py), which neutralises cells a spreadsheet would run as a formula.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import astuple, dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from bot.domain import export
from bot.domain.audit.numbers import Tally, WeekNumbers
from bot.domain.coaching.status import Status
from bot.services.audit.weeks import week_label
from bot.services.coaching.calendar import program_week
from bot.services.coaching.status import load_status_context
from db.models import CoachingItem, Program

COLUMNS = ("level", "name", "manager", "program_week", "iso_week", "due", "excused", "done",
           "completion_pct")


@dataclass(frozen=True)
class CsvRow:
    """One manager's or rep's coaching in one program week."""

    level: str  # "manager" or "rep"
    name: str
    manager: str
    program_week: int
    iso_week: str
    due: int
    excused: int
    done: int
    completion_pct: int | None


def manager_rows(numbers: WeekNumbers) -> list[CsvRow]:
    """Every manager's completion per week, up to the audited week."""
    return [
        _row("manager", manager.name, "", week, _iso_week(numbers, week), tally)
        for manager in numbers.managers
        for week, tally in sorted(manager.weeks.items())
    ]


def rep_rows(*, session: Session, program: Program, now: datetime) -> list[CsvRow]:
    """Every rep's completion per week and manager, statuses taken by the coaching rules at
    `now` (three SELECTs)."""
    items = session.scalars(
        select(CoachingItem).where(CoachingItem.program_id == program.id)
        .options(joinedload(CoachingItem.rep), joinedload(CoachingItem.manager))
    ).all()
    context = load_status_context(session=session, program=program)
    statuses: dict[tuple[str, str, int], Counter[Status]] = defaultdict(Counter)
    for item in items:
        statuses[item.rep.name, item.manager.name, item.week][context.status_of(item, now)] += 1
    return [
        _row("rep", rep, manager, week, week_label(program_week(program, week).monday),
             Tally(done=counts[Status.DONE], counted=counts.total() - counts[Status.EXCUSED],
                   excused=counts[Status.EXCUSED]))
        for (rep, manager, week), counts in sorted(statuses.items())
    ]


def csv_bytes(rows: list[CsvRow]) -> bytes:
    """The rows as a UTF-8 CSV file with a header line."""
    return export.csv_bytes(COLUMNS, [astuple(row) for row in rows])


def _row(level: str, name: str, manager: str, week: int, iso: str, tally: Tally) -> CsvRow:
    return CsvRow(level, name, manager, week, iso, tally.counted + tally.excused, tally.excused,
                  tally.done, tally.percent)


def _iso_week(numbers: WeekNumbers, week: int) -> str:
    monday: date = numbers.monday + timedelta(weeks=week - numbers.program_week)
    return week_label(monday)

