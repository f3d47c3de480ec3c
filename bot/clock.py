"""The one clock: every "now" and every wait in kickoff-bot comes from here.

Nothing else reads the wall clock (ruff's banned-API rule enforces it). Code takes a `Clock`
(or a `now` computed from one) so tests can pass a `VirtualClock`, whose waits take no real time.

The system clock can be moved for a whole process tree: `KICKOFF_CLOCK_AT` names the instant the
clock reads when the process first asks, after which time runs at real speed. It takes an ISO 8601
instant with an offset (`2026-12-12T23:30:00+00:00`) or a local time and an IANA zone
(`2027-03-14T02:30 America/New_York`). Child processes inherit it; a process that starts others on
its own moved clock hands them `KICKOFF_CLOCK_OFFSET` (`clock_environment`), the offset in
seconds, so parent and children read the same instant to the millisecond.
"""

from __future__ import annotations

import os
import threading
import time
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Protocol
from zoneinfo import ZoneInfo

CLOCK_ENV = "KICKOFF_CLOCK_AT"
OFFSET_ENV = "KICKOFF_CLOCK_OFFSET"


class Clock(Protocol):
    """What kickoff-bot asks of time."""

    def now(self) -> datetime:
        """The current instant, time-zone aware (UTC)."""
        ...

    def sleep_until(self, instant: datetime) -> None:
        """Return once the clock reads `instant` (at once when it is past)."""
        ...

    def wait_until(self, event: threading.Event, instant: datetime) -> bool:
        """Wait for `event` until the clock reads `instant`; True when it is set."""
        ...


class SystemClock:
    """The wall clock, shifted by a fixed offset (zero unless the process's clock was moved)."""

    def __init__(self, offset: timedelta = timedelta(0)) -> None:
        self.offset = offset

    def now(self) -> datetime:
        """The wall clock's instant plus the offset."""
        return datetime.now(UTC) + self.offset

    def move_to(self, instant: datetime) -> None:
        """Read `instant` now and run on from there (tests and the demo place themselves so)."""
        self.offset = instant - datetime.now(UTC)

    def sleep_until(self, instant: datetime) -> None:
        """Sleep for real."""
        delay = (instant - self.now()).total_seconds()
        if delay > 0:
            time.sleep(delay)

    def wait_until(self, event: threading.Event, instant: datetime) -> bool:
        """Wait for real."""
        return event.wait(max((instant - self.now()).total_seconds(), 0.0))


class VirtualClock:
    """Time that moves only when told to: sleeping and waiting move it on at once.

    Waits name the instant they end, so threads waiting side by side do not add their waits up:
    each moves time to at least its own end, as concurrent sleepers would see on a real clock.
    """

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("a virtual clock starts at a time-zone aware instant")
        self._now = start.astimezone(UTC)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        """The virtual instant."""
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> datetime:
        """Move time on by `seconds`; returns the new instant."""
        with self._lock:
            self._now += timedelta(seconds=max(seconds, 0.0))
            return self._now

    def move_to(self, instant: datetime) -> None:
        """Set the clock to `instant` (tests jump between days with it)."""
        with self._lock:
            self._now = instant.astimezone(UTC)

    def sleep_until(self, instant: datetime) -> None:
        """Time passes at once, taking no real time."""
        with self._lock:
            self._now = max(self._now, instant.astimezone(UTC))

    def wait_until(self, event: threading.Event, instant: datetime) -> bool:
        """Set already: True. Else the wait's time passes at once and the event is read again."""
        if event.is_set():
            return True
        self.sleep_until(instant)
        return event.is_set()


def parse_instant(text: str) -> datetime:
    """An instant from `KICKOFF_CLOCK_AT`'s two forms (ValueError for anything else)."""
    stamp, _, zone = text.strip().partition(" ")
    instant = datetime.fromisoformat(stamp)
    if zone:
        if instant.tzinfo is not None:
            raise ValueError("give either an offset or a zone name, not both")
        instant = instant.replace(tzinfo=ZoneInfo(zone.strip()))
    if instant.tzinfo is None:
        raise ValueError("the instant needs an offset (+00:00) or a zone name")
    return instant.astimezone(UTC)


def wall_time() -> datetime:
    """The unmoved wall clock, for libraries that keep their own timeline (APScheduler's jobs)."""
    return datetime.now(UTC)


@lru_cache(maxsize=1)
def system_clock() -> SystemClock:
    """The process's clock: the wall clock, moved by `KICKOFF_CLOCK_OFFSET` or to
    `KICKOFF_CLOCK_AT` when either is set (the offset wins: it is exact across processes).
    A malformed value is a ValueError that names the variable."""
    if offset := os.environ.get(OFFSET_ENV):
        try:
            return SystemClock(timedelta(seconds=float(offset)))
        except ValueError:
            raise ValueError(f"{OFFSET_ENV} is malformed: {offset!r} is not seconds") from None
    if moved_to := os.environ.get(CLOCK_ENV):
        try:
            return SystemClock(parse_instant(moved_to) - datetime.now(UTC))
        except (ValueError, KeyError):  # a zone name zoneinfo does not know is a KeyError
            raise ValueError(
                f"{CLOCK_ENV} is malformed: {moved_to!r} is not an instant like "
                "2026-12-12T23:30:00+00:00 or 2027-03-14T02:30 America/New_York"
            ) from None
    return SystemClock()


def clock_environment(clock: SystemClock) -> dict[str, str]:
    """The environment that makes a child process's system clock read as `clock` does."""
    return {OFFSET_ENV: repr(clock.offset.total_seconds())}
