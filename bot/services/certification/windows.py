"""Each person's certification windows, in their own days: the certification's own (round 0,
from its days relative to the kickoff) and any retake they were sent back into."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.local_time import at_local, end_of_local_day
from db.models import Certification, CertificationRetake, Person, Program


@dataclass(frozen=True)
class Window:
    """One round's window: it opens at the start of its first day and closes at the end of its
    due day, both in the person's own time zone."""

    round: int
    opens_on: date
    due_on: date
    tz: str

    @property
    def opens_at(self) -> datetime:
        """The instant it opens."""
        return at_local(self.opens_on, time(0), self.tz)

    @property
    def closes_at(self) -> datetime:
        """The instant it closes: the end of the due day."""
        return end_of_local_day(self.due_on, self.tz)

    def holds(self, now: datetime) -> bool:
        """Whether the window is open at `now`."""
        return self.opens_at <= now < self.closes_at


def own_window(certification: Certification, program: Program, person: Person) -> Window:
    """The certification's own window for this person."""
    return Window(0, program.kickoff_date + timedelta(days=certification.opens_day),
                  program.kickoff_date + timedelta(days=certification.due_day), person.timezone)


def windows_from(certification: Certification, program: Program, person: Person,
                 retakes: Iterable[CertificationRetake]) -> list[Window]:
    """Every window of the person, round by round, from their retakes (in round order)."""
    return [own_window(certification, program, person),
            *(Window(r.round, r.opens_on, r.due_on, person.timezone) for r in retakes)]


def windows_of(
    session: Session, certification: Certification, program: Program, person: Person
) -> list[Window]:
    """Every window of the person, round by round."""
    retakes = session.scalars(select(CertificationRetake).where(
        CertificationRetake.certification_id == certification.id,
        CertificationRetake.person_id == person.id).order_by(CertificationRetake.round))
    return windows_from(certification, program, person, retakes)


def latest_opened(windows: list[Window], now: datetime) -> Window:
    """The latest window that has opened by `now` (else the first, not yet open)."""
    opened = [window for window in windows if window.opens_at <= now]
    return opened[-1] if opened else windows[0]


def current_window(
    session: Session, certification: Certification, program: Program, person: Person,
    now: datetime,
) -> Window:
    """The latest window that has opened by `now` (else the first, not yet open)."""
    return latest_opened(windows_of(session, certification, program, person), now)
