"""How many messages one process keeps in flight: Little's law, cut after a 429.

In flight = the rate messages may go out at times how long Slack takes to answer one, with some
headroom for the variation in that time; never more than the configured most. Each 429 also cuts
a ceiling on it multiplicatively, which climbs back by one sender per round trip's worth of
successful sends (additive increase), so a process that overshoots backs off at once and returns
to full speed gradually.
"""

from __future__ import annotations

import math
import threading

HEADROOM = 1.5  # in flight per Little's law, times this: answers take longer than the average
SMOOTHING = 0.2  # weight of the newest answer time in the running average


class Concurrency:
    """The width one dispatcher process sends at, from the rate and Slack's answer times."""

    def __init__(self, *, most: int, latency_guess: float, cut: float) -> None:
        self._most = most
        self._cut = cut
        self._lock = threading.Lock()
        self.latency = latency_guess  # seconds, a running average of Slack's answer times
        self._ceiling = float(most)

    def width(self, rate: float) -> int:
        """Senders to run for `rate` messages a second."""
        with self._lock:
            needed = math.ceil(rate * self.latency * HEADROOM) + 1
            return max(1, min(self._most, needed, math.floor(self._ceiling)))

    def answered(self, seconds: float) -> None:
        """Slack answered a send in `seconds`: learn the time, and climb back after a cut."""
        with self._lock:
            self.latency += SMOOTHING * (seconds - self.latency)
            self._ceiling = min(float(self._most), self._ceiling + 1.0 / self._ceiling)

    def throttled(self) -> None:
        """Slack answered 429: cut the ceiling."""
        with self._lock:
            self._ceiling = max(1.0, self._ceiling * self._cut)
