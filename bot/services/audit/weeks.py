"""Which ISO weeks of a program are audited, and when each audit and the read-out are due.

Weeks run Monday to Sunday in the program's time zone. Every week from the kickoff's to the one
holding day 30 is audited, also a week with no activity. An audit is prepared when its week
ends (Sunday midnight, program time: by the coaching rules an item not logged by then is missed)
and posted on Monday at 09:00 program time; the read-out is prepared at the start of its day
and posted at 09:00.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.domain.local_time import at_local, local_date
from bot.domain.program_calendar import monday_of
from bot.errors import InvalidInput
from bot.services.coaching.calendar import cadence_end, week_number
from db.models import AuditKind, Program

POST_TIME = time(9, 0)
ONE_WEEK = timedelta(days=7)


def week_label(monday: date) -> str:
    """The ISO week of `monday`, as people and the CLI write it: 2027-W03."""
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def parse_week(label: str) -> date:
    """The Monday of an ISO week written YYYY-Www."""
    year, _, week = label.strip().upper().partition("-W")
    try:
        return date.fromisocalendar(int(year), int(week), 1)
    except ValueError:
        raise InvalidInput(f"{label!r} is not an ISO week like 2027-W03.") from None


def audited_weeks(program: Program) -> list[date]:
    """The Monday of every audited week: the kickoff's week to the week of day 30."""
    first, last = monday_of(program.kickoff_date), monday_of(cadence_end(program))
    return [first + n * ONE_WEEK for n in range((last - first).days // 7 + 1)]


def program_week_of(program: Program, monday: date) -> int:
    """The coaching feature's number of the week starting `monday` (week 1: first standups)."""
    return week_number(program, monday)


def current_week(program: Program, now: datetime) -> date:
    """The Monday of the week it is in the program's time zone at `now`."""
    return monday_of(local_date(now, program.timezone))


def audit_prepared_at(program: Program, monday: date) -> datetime:
    """When the week's audit is computed and stored: the end of the week, program time."""
    return at_local(monday + ONE_WEEK, time(0, 0), program.timezone)


def audit_posted_at(program: Program, monday: date) -> datetime:
    """When the week's audit is posted: the next Monday at 09:00, program time."""
    return at_local(monday + ONE_WEEK, POST_TIME, program.timezone)


def readout_date(program: Program) -> date:
    """The day of the governance read-out (day 32 after the kickoff unless set otherwise)."""
    return program.kickoff_date + timedelta(days=program.readout_day)


def readout_prepared_at(program: Program) -> datetime:
    """When the read-out is computed and stored: the start of its day, program time."""
    return at_local(readout_date(program), time(0, 0), program.timezone)


def readout_posted_at(program: Program) -> datetime:
    """When the read-out is posted: 09:00 program time on its day."""
    return at_local(readout_date(program), POST_TIME, program.timezone)


@dataclass(frozen=True)
class AuditSlot:
    """One audit of a program: what, filed under which ISO week, prepared and posted when."""

    kind: AuditKind
    monday: date
    prepared_at: datetime
    posted_at: datetime

    @property
    def week(self) -> str:
        """The ISO week the snapshot is filed under."""
        return week_label(self.monday)


def audit_slots(program: Program) -> list[AuditSlot]:
    """Every weekly audit of the program, then its read-out."""
    weekly = [
        AuditSlot(AuditKind.WEEKLY, monday, audit_prepared_at(program, monday),
                  audit_posted_at(program, monday))
        for monday in audited_weeks(program)
    ]
    readout = AuditSlot(AuditKind.READOUT, monday_of(readout_date(program)),
                        readout_prepared_at(program), readout_posted_at(program))
    return [*weekly, readout]
