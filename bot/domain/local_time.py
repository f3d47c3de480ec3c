"""Local dates and times in a person's own IANA time zone (daylight saving included)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo


@lru_cache(maxsize=1024)
def zone(name: str) -> ZoneInfo:
    """The ZoneInfo for an IANA name (cached: planning asks for the same few zones often)."""
    return ZoneInfo(name)


def at_local(day: date, at: time, tz: str) -> datetime:
    """The UTC instant of wall-clock `at` on `day` in `tz`."""
    return datetime.combine(day, at, zone(tz)).astimezone(UTC)


def local_date(instant: datetime, tz: str) -> date:
    """The date it is in `tz` at `instant`."""
    return instant.astimezone(zone(tz)).date()


def end_of_local_day(day: date, tz: str) -> datetime:
    """The UTC instant the local `day` ends (midnight after it) in `tz`."""
    return at_local(day + timedelta(days=1), time(0, 0), tz)


def days_between(first: date, last: date) -> list[date]:
    """Every date from `first` to `last`, both included."""
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]
