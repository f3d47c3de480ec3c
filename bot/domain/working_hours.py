"""When a person may be sent a DM the bot starts on its own: their working window.

A window is the program's working days (holidays excluded), 08:00-18:00 in the person's own time
zone. Something that happens outside it (a blocker raised at 23:50 in Kolkata) waits for the
start of the next one; something inside it goes at once.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.domain.local_time import at_local, local_date

WORK_START = time(8, 0)
WORK_END = time(18, 0)
# A DM due minutes before the window closes may be held up by pacing: it keeps at least this long
# to go out, a little late rather than never.
MIN_SPAN = timedelta(hours=1)
# A program whose calendar has no working day this far ahead (all holidays) is not held forever.
SEARCH_DAYS = 366


@dataclass(frozen=True)
class DmWindow:
    """When a DM is due and until when it may still be sent."""

    due: datetime
    end: datetime


def next_working_moment(
    now: datetime,
    tz: str,
    *,
    working_days: Collection[int],
    holidays: Collection[str],
    start: time = WORK_START,
    end: time = WORK_END,
) -> DmWindow:
    """The first instant from `now` inside a working window in `tz` (ISO weekdays 1-7, holidays
    as ISO dates), and that window's end."""
    first = local_date(now, tz)
    for offset in range(SEARCH_DAYS):
        day = first + timedelta(days=offset)
        if not _working(day, working_days, holidays):
            continue
        closes = at_local(day, end, tz)
        if now < closes:
            due = max(now, at_local(day, start, tz))
            return DmWindow(due=due, end=max(closes, due + MIN_SPAN))
    return DmWindow(due=now, end=now + timedelta(days=1))


def _working(day: date, working_days: Collection[int], holidays: Collection[str]) -> bool:
    return day.isoweekday() in working_days and day.isoformat() not in holidays
