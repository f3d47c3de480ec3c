"""Which coaching occurrences exist: the cadence rules, and their rows for every active pair."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Insert, Select, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.domain.coaching.cadence import CADENCE_WEEKS
from bot.services.coaching.calendar import (
    ProgramWeek,
    end_of_week,
    program_week,
    working_days,
)
from bot.services.program_weeks import calendar_of
from db.models import CadenceType, CoachingItem, Membership, MembershipRole, Person, Program, Role

ITEM_KEY = ("program_id", "manager_id", "rep_id", "cadence", "week")


@dataclass(frozen=True)
class Occurrence:
    """One cadence occurrence of the program, for every (manager, rep) pair."""

    cadence: CadenceType
    week: int
    due_date: date


@dataclass(frozen=True)
class Pair:
    """A rep and the manager who coaches them."""

    manager_id: int
    rep_id: int


def occurrences(program: Program) -> list[Occurrence]:
    """Every occurrence the rules give, in the program's coaching weeks (none in week 1)."""
    weeks = {week.number for week in calendar_of(program).coaching_weeks}
    found = [
        Occurrence(cadence, number, due_date(program, program_week(program, number)))
        for cadence, numbers in CADENCE_WEEKS.items()
        for number in numbers
        if number in weeks
    ]
    return sorted(found, key=lambda o: (o.week, o.due_date))


def due_date(program: Program, week: ProgramWeek) -> date:
    """The program's due weekday of `week`; if that is a day off, the working day before it
    (or, when none is left before, the next one of the week)."""
    days = week.days()
    due_index = program.coaching_due_weekday - 1
    candidates = days[due_index::-1] + days[due_index + 1:]
    open_days = working_days(program, candidates)
    return open_days[0] if open_days else days[due_index]


def active_pairs(*, session: Session, program_id: int) -> list[Pair]:
    """Every active rep of the program with a manager, whose account is active."""
    return [Pair(manager, rep) for manager, rep in session.execute(active_pairs_query(program_id))
            if manager is not None]


def active_pair_count(*, session: Session, program_id: int) -> int:
    """How many `active_pairs` there are, counted in the database."""
    pairs = active_pairs_query(program_id).subquery()
    return session.scalar(select(func.count()).select_from(pairs)) or 0


def active_pairs_query(program_id: int) -> Select[int | None, int]:
    """(manager id, rep id) of every active pair: what `active_pairs` reads, for queries that
    build on it."""
    return (
        select(Membership.manager_id, Membership.person_id)
        .join(MembershipRole, MembershipRole.membership_id == Membership.id)
        .join(Person, Person.id == Membership.person_id)
        .where(
            Membership.program_id == program_id, Membership.active.is_(True),
            Membership.manager_id.is_not(None), MembershipRole.role == Role.REP,
            Person.active.is_(True),
        )
    )


def materialise_items(*, session: Session, program: Program, now: datetime) -> int:
    """Create the missing items of every active pair whose week has not ended; idempotent.

    Weeks already over get no new items, so a pair formed late is not charged for the past.
    """
    existing = {
        tuple(row)
        for row in session.execute(
            select(*(getattr(CoachingItem, name) for name in ITEM_KEY[1:]))
            .where(CoachingItem.program_id == program.id)
        )
    }
    open_occurrences = [o for o in occurrences(program) if end_of_week(program, o.due_date) > now]
    rows = [
        {"program_id": program.id, "manager_id": pair.manager_id, "rep_id": pair.rep_id,
         "cadence": o.cadence, "week": o.week, "due_date": o.due_date, "created_at": now}
        for pair in active_pairs(session=session, program_id=program.id)
        for o in open_occurrences
        if (pair.manager_id, pair.rep_id, o.cadence, o.week) not in existing
    ]
    if rows:
        # executemany, not one multi-VALUES INSERT: SQLAlchemy batches the rows under the
        # database's bound-parameter limit (32,766 on SQLite, 65,535 on PostgreSQL).
        session.execute(insert_ignoring_duplicates(session), rows)
    return len(rows)


def insert_ignoring_duplicates(session: Session) -> Insert:
    """An INSERT that skips rows another process created meanwhile."""
    dialects: dict[str, Any] = {"postgresql": postgresql, "sqlite": sqlite}
    dialect = dialects[session.get_bind().dialect.name]
    statement: Insert = dialect.insert(CoachingItem).on_conflict_do_nothing(
        index_elements=list(ITEM_KEY)
    )
    return statement

