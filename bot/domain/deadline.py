"""A deadline said in the reader's own time: "by Mon 05:59 your time".

A program's deadlines are instants (the end of a program week in the program's time zone, a
survey's closing); a reader elsewhere must not be left to convert "the end of Sunday" themselves.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.domain.local_time import zone

# "By 23:59" promises the whole of that minute, so the minute shown is the last one that is still
# in time: the one holding the instant just before the deadline.
JUST_BEFORE = timedelta(microseconds=1)


def deadline_text(instant: datetime, reader_tz: str, *, dated: bool = False) -> str:
    """The deadline `instant` as the reader in `reader_tz` reads it, weekday and hour (and the
    date when `dated`: a deadline that may be more than a week away)."""
    last = (instant - JUST_BEFORE).astimezone(zone(reader_tz))
    day = f"{last:%a} {last.day} {last:%b}" if dated else f"{last:%a}"
    return f"by {day} {last:%H:%M} your time"
