"""Who may be sent something, and when: working days, holidays, out of office, working hours.

Decided here once, for every feature; each feature says how an away day counts in its figures.
Every DM the bot starts on its own (blocker and coaching notices, survey invitations and
reminders, late joiners' welcomes) waits for the same working window (bot/domain/working_hours.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.working_hours import (
    DmWindow,
    PersonDays,
    Unavailable,
    WorkWindow,
    first_working_moment,
    next_working_moment,
    reason_off,
)
from db.models import OutOfOffice, Person, Program

# The longest out-of-office range: an absence this far ahead is the furthest a DM can be held.
LOOK_AHEAD = timedelta(days=90)


def program_day_off(program: Program, day: date) -> Unavailable | None:
    """Whether `day` is a weekend or holiday for the program (None: a working day)."""
    return reason_off(day, working_days=program.working_days, holidays=program.holidays)


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
    return reason_off(day, working_days=program.working_days, holidays=program.holidays,
                      away=absences.ranges.get(person_id, ()))


def work_window(program: Program) -> WorkWindow:
    """The program's working hours."""
    return WorkWindow(program.work_start, program.work_end)


def event_days(program: Program) -> tuple[date, date]:
    """The event's first and last day."""
    return program.kickoff_date, program.kickoff_date + timedelta(days=program.event_days - 1)


def person_days(program: Program, person: Person, absences: Absences) -> PersonDays:
    """The person's days in the program: its working days and hours, their absences, and the
    event's days lived in the program's zone (they are at the event), the others in their own."""
    return PersonDays(
        window=work_window(program), zone=person.timezone,
        working_days=frozenset(program.working_days), holidays=frozenset(program.holidays),
        away=tuple(absences.ranges.get(person.id, ())),
        event=event_days(program),
        event_zone=program.timezone,
    )


def reachable_from(
    program: Program, person: Person, absences: Absences, *, earliest: datetime,
    latest: datetime,
) -> DmWindow | None:
    """The first moment in [earliest, latest) inside the person's working window, and the
    window's end (None: they cannot be reached in time)."""
    return first_working_moment(earliest, latest, person_days(program, person, absences))


def dm_window(*, session: Session, program: Program, person: Person, now: datetime) -> DmWindow:
    """When a DM the bot sends this person on its own, from `now`, is due: the start of their
    next working window (at once inside one; after their days out of office), and its end."""
    absences = load_absences(session=session, person_ids=[person.id],
                             first=now.date() - timedelta(days=1), last=now.date() + LOOK_AHEAD)
    return next_working_moment(now, person_days(program, person, absences))
