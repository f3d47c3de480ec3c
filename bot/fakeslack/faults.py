"""Injected failures and rate limits: what the fake answers instead of doing the call."""

from __future__ import annotations

import math
import random
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from bot.fakeslack.workspace import dm_id_for

# The methods that post or edit messages: the only calls limit_rate counts and limits.
SENDS = frozenset({"chat.postMessage", "chat.update", "chat.postEphemeral"})
# The params through which a call names a member or a conversation.
_TARGET_PARAMS = ("channel", "user", "user_id", "users")


@dataclass(frozen=True)
class Failure:
    """An injected answer: HTTP status, Slack error code and, for 429, Retry-After seconds."""

    status: int
    error: str
    retry_after: int | None = None


@dataclass(frozen=True)
class _RandomFaults:
    """The settings of set_random_faults, with their own seeded generator."""

    rate_429: float
    rate_503: float
    retry_after: int
    methods: frozenset[str] | None
    rng: random.Random


class _Window:
    """A sliding-window limit: at most `limit` sends in any `seconds`."""

    def __init__(self, limit: int, seconds: float) -> None:
        self.limit = limit
        self.seconds = seconds
        self.times: deque[float] = deque()

    def wait(self, now: float) -> float:
        """Seconds until a send fits in the window; 0 when one fits now."""
        while self.times and self.times[0] <= now - self.seconds:
            self.times.popleft()
        if len(self.times) < self.limit:
            return 0.0
        return self.times[0] + self.seconds - now


class Faults:
    """Decides, call by call, whether the fake fails instead of answering normally."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._lock = threading.Lock()
        self._clock = clock
        self._queued: dict[str, deque[Failure]] = {}
        self._by_target: dict[str, str] = {}  # user id or its DM id -> error
        self._random: _RandomFaults | None = None
        self._workspace_window: _Window | None = None
        self._per_channel: int | None = None
        self._channel_windows: dict[str, _Window] = {}
        self._retry_until: dict[str, float] = {}  # method -> end of the Retry-After announced
        self._rate_limited = 0
        self._violations = 0
        self._latency: dict[str | None, float] = {}  # method (None: any other) -> seconds

    def fail_next(
        self,
        method: str,
        *,
        error: str | None = None,
        status: int = 429,
        retry_after: int = 1,
        times: int = 1,
    ) -> None:
        """Make the next `times` calls to `method` fail (429 ratelimited by default)."""
        if error is None:
            if status != 429 and status < 500:
                raise ValueError("give the Slack error code for a failure that is not 429 or 5xx")
            error = "ratelimited" if status == 429 else "service_unavailable"
        failure = Failure(status, error, retry_after if status == 429 else None)
        with self._lock:
            self._queued.setdefault(method, deque()).extend([failure] * times)

    def fail_for_user(self, user_id: str, *, error: str = "user_not_found") -> None:
        """Answer {"ok": false, "error": error} to any call about this member or their DM."""
        with self._lock:
            self._by_target[user_id] = self._by_target[dm_id_for(user_id)] = error

    def set_random_faults(
        self,
        *,
        rate_429: float = 0.0,
        rate_503: float = 0.0,
        retry_after: int = 1,
        seed: int | None = None,
        methods: Iterable[str] | None = None,
    ) -> None:
        """Fail a random share of calls (of `methods`, or all); rates of 0 turn this off."""
        chosen = frozenset(methods) if methods is not None else None
        with self._lock:
            self._random = _RandomFaults(
                rate_429, rate_503, retry_after, chosen, random.Random(seed)
            )

    def limit_rate(
        self,
        *,
        per_workspace_per_minute: int | None = None,
        per_channel_per_second: int | None = None,
        workspace_window: float = 60.0,
    ) -> None:
        """Enforce sliding-window limits on message sends; None lifts a limit.

        The workspace's limit is counted over `workspace_window` seconds: 60 allows a minute's
        sends in a burst; 1 is strict (600 a minute is then at most 10 in any second)."""
        with self._lock:
            self._workspace_window = (
                _Window(max(1, round(per_workspace_per_minute * workspace_window / 60.0)),
                        workspace_window)
                if per_workspace_per_minute
                else None
            )
            self._per_channel = per_channel_per_second
            self._channel_windows = {}

    def set_latency(self, seconds: float, *, method: str | None = None) -> None:
        """Delay API answers by a fixed time: one method's (a slow views.open), or every other's."""
        with self._lock:
            self._latency[method] = seconds

    def latency_for(self, method: str) -> float:
        """Seconds to hold back an answer to `method`."""
        with self._lock:
            return self._latency.get(method, self._latency.get(None, 0.0))

    @property
    def rate_limited_calls(self) -> int:
        """How many 429 answers the fake has given, whatever the cause."""
        with self._lock:
            return self._rate_limited

    @property
    def retry_after_violations(self) -> int:
        """How many calls came while a Retry-After announced for their method was running."""
        with self._lock:
            return self._violations

    def check(self, method: str, params: dict[str, Any]) -> Failure | None:
        """The failure to answer this call with, or None to serve it."""
        with self._lock:
            now = self._clock()
            if now < self._retry_until.get(method, 0.0):
                self._violations += 1
            failure = (
                self._target_failure(params)
                or self._queued_failure(method)
                or self._random_failure(method)
                or self._rate_failure(method, params, now)
            )
            if failure is not None and failure.status == 429:
                self._rate_limited += 1
                self._retry_until[method] = now + (failure.retry_after or 0)
            return failure

    def record_send(self, method: str, params: dict[str, Any]) -> None:
        """Count a successful send against the rate limits."""
        if method not in SENDS:
            return
        with self._lock:
            now = self._clock()
            for window in self._windows(params):
                window.times.append(now)

    def _target_failure(self, params: dict[str, Any]) -> Failure | None:
        for key in _TARGET_PARAMS:
            for target in str(params.get(key) or "").split(","):
                if target in self._by_target:
                    return Failure(200, self._by_target[target])
        return None

    def _queued_failure(self, method: str) -> Failure | None:
        queue = self._queued.get(method)
        return queue.popleft() if queue else None

    def _random_failure(self, method: str) -> Failure | None:
        chance = self._random
        if chance is None or (chance.methods is not None and method not in chance.methods):
            return None
        roll = chance.rng.random()
        if roll < chance.rate_429:
            return Failure(429, "ratelimited", chance.retry_after)
        if roll < chance.rate_429 + chance.rate_503:
            return Failure(503, "service_unavailable")
        return None

    def _rate_failure(self, method: str, params: dict[str, Any], now: float) -> Failure | None:
        if method not in SENDS:
            return None
        wait = max((window.wait(now) for window in self._windows(params)), default=0.0)
        if wait <= 0:
            return None
        return Failure(429, "ratelimited", max(1, math.ceil(wait)))

    def _windows(self, params: dict[str, Any]) -> list[_Window]:
        windows = [self._workspace_window] if self._workspace_window else []
        if self._per_channel:
            channel = str(params.get("channel") or "")
            channel = dm_id_for(channel) if channel[:1] in ("U", "W") else channel
            window = self._channel_windows.setdefault(channel, _Window(self._per_channel, 1.0))
            windows.append(window)
        return windows
