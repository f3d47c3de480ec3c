"""Who may be sent something on a given local day: working days, holidays, out of office.

Decided here once, for every feature; each feature says how an away day counts in its figures.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.working_hours import DmWindow, next_working_moment
from db.models import OutOfOffice, Person, Program


class Unavailable(StrEnum):
    """Why nothing is sent on a day."""

    NOT_A_WORKING_DAY = "not a working day"
    HOLIDAY = "program holiday"
    OUT_OF_OFFICE = "out of office"


def program_day_off(program: Program, day: date) -> Unavailable | None:
    """Whether `day` is a weekend or holiday for the program (None: a working day)."""
    if day.isoformat() in program.holidays:
        return Unavailable.HOLIDAY
    if day.isoweekday() not in program.working_days:
        return Unavailable.NOT_A_WORKING_DAY
    return None


@dataclass
class Absences:
    """Out-of-office ranges of a set of people, loaded in one query."""

    ranges: dict[int, list[tuple[date, date]]] = field(default_factory=dict)

    def is_away(self, person_id: int, day: date) -> bool:
        """Whether the person is out of office on `day`."""
        return any(first <= day <= last for first, last in self.ranges.get(person_id, ()))


def load_absences(
    *, session: Session, person_ids: Iterable[int] | None = None, first: date, last: date
) -> Absences:
    """Every absence overlapping first..last (of the given people, or everyone)."""
    query = select(OutOfOffice.person_id, OutOfOffice.first_day, OutOfOffice.last_day).where(
        OutOfOffice.last_day >= first, OutOfOffice.first_day <= last
    )  # plain rows, not ORM objects: a program of 10,000 reps reads them all
    if person_ids is not None:
        query = query.where(OutOfOffice.person_id.in_(list(person_ids)))
    ranges: dict[int, list[tuple[date, date]]] = defaultdict(list)
    for person_id, first_day, last_day in session.execute(query):
        ranges[person_id].append((first_day, last_day))
    return Absences(ranges=dict(ranges))


def unavailable(
    program: Program, person_id: int, day: date, absences: Absences
) -> Unavailable | None:
    """Why nothing goes to this person on `day` in this program (None: they are available)."""
    day_off = program_day_off(program, day)
    if day_off is not None:
        return day_off
    return Unavailable.OUT_OF_OFFICE if absences.is_away(person_id, day) else None


def dm_window(program: Program, person: Person, now: datetime) -> DmWindow:
    """When a DM the bot sends this person on its own, from `now`, is due: the start of their
    next working window in their own time zone (at once inside one), and that window's end."""
    return next_working_moment(
        now, person.timezone, working_days=program.working_days, holidays=program.holidays
    )
