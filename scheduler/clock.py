"""Time for the dispatcher: the real clock, or one anchored at an explicit `now`."""

from __future__ import annotations

import time
from datetime import datetime, timedelta


class AnchoredClock:
    """Time that starts at `now` and then runs at real speed.

    `Dispatcher.tick(now=...)` uses it, so tests and the demo pass an explicit instant while the
    pacing waits between sends still take real (short) time.
    """

    def __init__(self, now: datetime) -> None:
        self._start = now
        self._origin = time.monotonic()

    def now(self) -> datetime:
        """The anchored instant plus the real time elapsed since."""
        return self._start + timedelta(seconds=time.monotonic() - self._origin)

    def sleep_until(self, instant: datetime) -> None:
        """Sleep (really) until the anchored clock reads `instant`."""
        delay = (instant - self.now()).total_seconds()
        if delay > 0:
            time.sleep(delay)
