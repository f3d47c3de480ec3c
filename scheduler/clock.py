"""Time for one dispatcher pass: anchored at an explicit `now`, running on the process's clock."""

from __future__ import annotations

import threading
from datetime import datetime

from bot.clock import Clock


class AnchoredClock:
    """Time that starts at `now` and then runs as fast as `base` does.

    `Dispatcher.tick(now=...)` uses it, so tests and the demo pass an explicit instant while the
    pacing waits between sends still take the base clock's time: real (short) waits on the system
    clock, none at all on a virtual one.
    """

    def __init__(self, now: datetime, base: Clock) -> None:
        self._start = now
        self._base = base
        self._origin = base.now()

    def now(self) -> datetime:
        """The anchored instant plus the time the base clock says has passed since."""
        return self._start + (self._base.now() - self._origin)

    def sleep_until(self, instant: datetime) -> None:
        """Return once the anchored clock reads `instant`."""
        self._base.sleep_until(self._on_base(instant))

    def wait_until(self, event: threading.Event, instant: datetime) -> bool:
        """Wait for `event` until the anchored clock reads `instant`; True when it is set."""
        return self._base.wait_until(event, self._on_base(instant))

    def _on_base(self, instant: datetime) -> datetime:
        return self._origin + (instant - self._start)
