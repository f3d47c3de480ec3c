"""Retention (off unless a program sets it): N days after a program ended, its members' personal
data is purged, as `person erase` does it. Someone who is in another program that still keeps
its data loses only this program's rows; anyone else is erased. Published figures stay."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.errors import InvalidInput
from bot.services.erasure.person import Attribute, erase_people
from db.models import Membership, Person, Program, ProgramStatus

FINISHED = (ProgramStatus.ENDED, ProgramStatus.ARCHIVED)
LONGEST = 3650  # days; a longer retention is a typo


def set_retention(*, program: Program, days: int | None) -> None:
    """Keep the program's personal data `days` days after it ends (None: until erased)."""
    if days is not None and not 0 <= days <= LONGEST:
        raise InvalidInput(f"retention: give 0 to {LONGEST} days, or off")
    program.retention_days = days


def purge_due_programs(
    *, session: Session, columns: Sequence[Attribute], now: datetime
) -> list[Program]:
    """Purge every finished program whose retention has run out; the programs purged."""
    query = select(Program).where(Program.status.in_(FINISHED),
                                  Program.retention_days.is_not(None),
                                  Program.purged_at.is_(None), Program.ended_at.is_not(None))
    due = [program for program in session.scalars(query)
           if program.ended_at and program.retention_days is not None
           and program.ended_at + timedelta(days=program.retention_days) <= now]
    for program in due:
        purge_program(session=session, program=program, columns=columns, now=now)
    return due


def purge_program(
    *, session: Session, program: Program, columns: Sequence[Attribute], now: datetime
) -> None:
    """Erase the program's members: fully, unless another program still keeps their data."""
    members = list(session.scalars(
        select(Person).join(Membership, Membership.person_id == Person.id)
        .where(Membership.program_id == program.id).order_by(Person.id)))
    kept_elsewhere = set(session.scalars(
        select(Membership.person_id).join(Program, Program.id == Membership.program_id)
        .where(Program.id != program.id, Program.purged_at.is_(None))))
    erase_people(session=session, people=[p for p in members if p.id in kept_elsewhere],
                 columns=columns, program_id=program.id)
    erase_people(session=session, people=[p for p in members if p.id not in kept_elsewhere],
                 columns=columns)
    program.purged_at = now
    session.flush()
