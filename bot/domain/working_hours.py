"""When a person may be sent something the bot starts on its own: their working window.

A window is the program's working hours (08:00-18:00 unless the program sets its own) on the
program's working days, holidays and the person's out-of-office days excluded, in the person's own
time zone; on the event's days they are at the event, so their window follows the program's zone
(while the day is an event day on their own calendar too).
Something that happens outside it (a blocker raised at 23:50 in Kolkata) waits for the start of the
next one; something inside it goes at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from bot.domain.local_time import at_local

WORK_START = time(8, 0)
WORK_END = time(18, 0)
# A DM due minutes before the window closes may be held up by pacing: it keeps at least this long
# to go out, a little late rather than never.
MIN_SPAN = timedelta(hours=1)
# A program whose calendar has no working day this far ahead (all holidays) is not held forever.
SEARCH_DAYS = 366
ONE_DAY = timedelta(days=1)
# Zones differ by at most 26 hours, so once a window is found, one two days later cannot be earlier
# even if the days in between are lived in another zone (the event's).
LOOK_PAST_FIRST = 2


class Unavailable(StrEnum):
    """Why nothing is sent on a day."""

    NOT_A_WORKING_DAY = "not a working day"
    HOLIDAY = "program holiday"
    OUT_OF_OFFICE = "out of office"


def reason_off(
    day: date, *, working_days: Iterable[int], holidays: Iterable[str],
    away: Iterable[tuple[date, date]] = (),
) -> Unavailable | None:
    """Why `day` is not a working day (None: it is): a holiday, a weekday the program does not
    work (ISO weekdays), or a day inside one of the out-of-office ranges (both ends included)."""
    if day.isoformat() in holidays:
        return Unavailable.HOLIDAY
    if day.isoweekday() not in working_days:
        return Unavailable.NOT_A_WORKING_DAY
    if any(first <= day <= last for first, last in away):
        return Unavailable.OUT_OF_OFFICE
    return None


@dataclass(frozen=True)
class WorkWindow:
    """A program's working hours, the same wall-clock hours in whichever zone a day is lived."""

    start: time = WORK_START
    end: time = WORK_END

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


@dataclass(frozen=True)
class PersonDays:
    """One person's days in one program: which are working days, and in which zone each is lived
    (their own, or the program's on the event's days)."""

    window: WorkWindow
    zone: str
    working_days: frozenset[int]  # ISO weekdays
    holidays: frozenset[str]  # ISO dates
    away: tuple[tuple[date, date], ...] = ()  # out-of-office ranges, both days included
    event: tuple[date, date] | None = None  # the event's first and last day
    event_zone: str = "UTC"

    def zone_on(self, day: date) -> str:
        """The zone the person lives `day` in."""
        at_event = self.event is not None and self.event[0] <= day <= self.event[1]
        return self.event_zone if at_event else self.zone

    def works_on(self, day: date) -> bool:
        """Whether `day` is a working day of the person's (not a weekend, holiday or away)."""
        return reason_off(day, working_days=self.working_days, holidays=self.holidays,
                          away=self.away) is None


@dataclass(frozen=True)
class DmWindow:
    """When a DM is due and until when it may still be sent."""

    due: datetime
    end: datetime


def first_working_moment(
    earliest: datetime, latest: datetime, days: PersonDays
) -> DmWindow | None:
    """The first instant in [earliest, latest) inside one of the person's working windows, and
    that window's end, at least MIN_SPAN later (None: no window opens in time)."""
    found: DmWindow | None = None
    day = earliest.astimezone(UTC).date() - ONE_DAY  # the local day may still be yesterday
    stop = latest.astimezone(UTC).date() + ONE_DAY
    while day <= stop:
        window = _window_on(day, earliest, latest, days)
        if window is not None and (found is None or window.due < found.due):
            if found is None:
                stop = min(stop, day + LOOK_PAST_FIRST * ONE_DAY)
            found = window
        day += ONE_DAY
    return found


def next_working_moment(now: datetime, days: PersonDays) -> DmWindow:
    """The first instant from `now` inside a working window, and that window's end; never later
    than a year ahead (a calendar without a working day does not hold a DM forever)."""
    window = first_working_moment(now, now + SEARCH_DAYS * ONE_DAY, days)
    return window if window is not None else DmWindow(due=now, end=now + ONE_DAY)


def _window_on(day: date, earliest: datetime, latest: datetime, days: PersonDays
               ) -> DmWindow | None:
    if not days.works_on(day):
        return None
    tz = days.zone_on(day)
    opens, closes = at_local(day, days.window.start, tz), at_local(day, days.window.end, tz)
    if days.event is not None and tz != days.zone:
        # At the event only while it is an event day on their own calendar too: someone from
        # Kolkata whose Wednesday has begun is home, whatever the hour at the event.
        opens = max(opens, at_local(days.event[0], time(0), days.zone))
        closes = min(closes, at_local(days.event[1] + ONE_DAY, time(0), days.zone))
    due = max(earliest, opens)
    if due >= closes or due >= latest:
        return None
    return DmWindow(due=due, end=max(closes, due + MIN_SPAN))


def outside_window(what: str, at: time, window: WorkWindow, *, zone: str | None = None,
                   deadline: bool = False) -> str | None:
    """Why a time the program acts at (in `zone`, when it is read in one) does not fit its working
    window, with the fix (None: it fits). Something sent at `at` must go before the window closes,
    as a DM due at its closing waits for the next day; a deadline may fall at the closing itself.
    The same words in the shell and in Slack, so the shell's option names are left out."""
    said = f"{what}, {at:%H:%M} in {zone}," if zone else f"{what} {at:%H:%M}"
    if at < window.start:
        return (f"{said} is before the working window ({window}); set it to "
                f"{window.start:%H:%M} or later, or widen the working hours")
    if deadline and at > window.end:
        return (f"{said} is after the working window ({window}); set it to "
                f"{window.end:%H:%M} or earlier, or widen the working hours")
    if not deadline and at >= window.end:
        return (f"{said} is not inside the working window ({window}); set it before "
                f"{window.end:%H:%M}, or widen the working hours")
    return None
