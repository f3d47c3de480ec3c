"""Out-of-office ranges: set, list and clear the days someone is away, in their own time zone.

Rules: a range is first..last day, both included, at most MAX_DAYS long. Ranges of one person
never overlap: a new range that overlaps or touches existing ones is merged with them into one.
Clearing removes days: a range partly cleared keeps its other days (split in two if needed).
Setting a range cancels at once the planned messages to that person due on those local days;
planners (through `availability.unavailable`) stop planning them, and plan them again once the
days are cleared.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.local_time import at_local, end_of_local_day, local_date
from bot.domain.out_of_office import MAX_DAYS, Absence
from bot.domain.working_hours import Unavailable
from bot.errors import InvalidInput
from bot.services.people import cancel_deliveries_to
from db.models import OutOfOffice, Person

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class OutOfOfficeSet:
    """The person's range after merging, and how many planned messages were cancelled."""

    absence: Absence
    cancelled: int


def set_out_of_office(
    *, session: Session, person: Person, first_day: date, last_day: date, now: datetime
) -> OutOfOfficeSet:
    """Record that `person` is away first_day..last_day and cancel their messages on those days."""
    _check_order(first_day, last_day)
    if (last_day - first_day).days + 1 > MAX_DAYS:
        raise InvalidInput(f"An out-of-office range is at most {MAX_DAYS} days; set it in parts.")
    touching = _ranges(session, person.id, first_day - ONE_DAY, last_day + ONE_DAY)
    first = min([first_day, *(r.first_day for r in touching)])
    last = max([last_day, *(r.last_day for r in touching)])
    for merged in touching:
        session.delete(merged)
    session.add(OutOfOffice(person_id=person.id, first_day=first, last_day=last, created_at=now))
    session.flush()
    cancelled = cancel_deliveries_to(
        session=session, person=person, reason=Unavailable.OUT_OF_OFFICE.value,
        due_from=at_local(first, time(0), person.timezone),
        due_until=end_of_local_day(last, person.timezone),
    )
    return OutOfOfficeSet(absence=_absence(person, first, last), cancelled=cancelled)


def list_out_of_office(
    *, session: Session, workspace_id: int, person: Person | None = None, since: date | None = None
) -> list[Absence]:
    """Ranges of everyone (or of `person`) that end on or after `since`, by name then date."""
    query = (
        select(OutOfOffice, Person)
        .join(Person, OutOfOffice.person_id == Person.id)
        .where(Person.workspace_id == workspace_id)
        .order_by(Person.name, Person.id, OutOfOffice.first_day)
    )
    if person is not None:
        query = query.where(Person.id == person.id)
    if since is not None:
        query = query.where(OutOfOffice.last_day >= since)
    return [_absence(who, row.first_day, row.last_day) for row, who in session.execute(query)]


def clear_out_of_office(
    *, session: Session, person: Person, now: datetime,
    first_day: date | None = None, last_day: date | None = None,
) -> int:
    """Remove first_day..last_day from `person`'s ranges (default: from their today on).

    Returns how many away days were removed; the next planning pass plans those days again.
    """
    first = first_day or local_date(now, person.timezone)
    last = last_day or date.max
    _check_order(first, last)
    removed = 0
    for absence in _ranges(session, person.id, first, last):
        removed += (min(last, absence.last_day) - max(first, absence.first_day)).days + 1
        kept = [(absence.first_day, first - ONE_DAY)] if absence.first_day < first else []
        kept += [(last + ONE_DAY, absence.last_day)] if absence.last_day > last else []
        session.delete(absence)
        session.add_all(OutOfOffice(person_id=person.id, first_day=start, last_day=end,
                                    created_at=now) for start, end in kept)
    session.flush()
    return removed


def _check_order(first_day: date, last_day: date) -> None:
    if first_day > last_day:
        raise InvalidInput(f"The first day ({first_day}) is after the last day ({last_day}).")


def _ranges(session: Session, person_id: int, first: date, last: date) -> list[OutOfOffice]:
    """The person's ranges overlapping first..last."""
    query = select(OutOfOffice).where(
        OutOfOffice.person_id == person_id,
        OutOfOffice.first_day <= last, OutOfOffice.last_day >= first,
    )
    return list(session.scalars(query))


def _absence(person: Person, first: date, last: date) -> Absence:
    return Absence(
        person_id=person.id, slack_user_id=person.slack_user_id, name=person.name,
        timezone=person.timezone, first_day=first, last_day=last,
    )
