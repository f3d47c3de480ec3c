"""Claimed rows on their way out: a queue per channel, served by one sender at a time.

Any free sender takes the next ready channel, so no channel waits behind another; a channel's
messages go in their claimed order because only one sender holds a channel at once, and once one
of them must be tried again the rest of that channel's queue is handed back untried behind it.
Outcomes pile up here until the dispatcher writes them back, a small group at a time.
"""

from __future__ import annotations

import threading
from collections import deque
from datetime import datetime, timedelta

from scheduler.claims import Claimed
from scheduler.outcomes import Outcome, Retry


class Flow:
    """The rows one dispatcher pass has claimed and not yet written back, and its senders."""

    def __init__(self, channel_interval: float) -> None:
        self._changed = threading.Condition()
        self._queues: dict[str, deque[Claimed]] = {}
        self._ready: deque[str] = deque()  # channels with a queued row and no sender on them
        self._last_send: dict[str, datetime] = {}
        self._gap = timedelta(seconds=channel_interval)
        self._outcomes: list[Outcome] = []
        self.queued = 0
        self.senders = 0
        self.halt = threading.Event()  # a dead installation: send nothing more
        self.dead: str | None = None

    def add(self, items: list[Claimed]) -> None:
        """Queue claimed rows behind their channel's earlier ones."""
        with self._changed:
            for item in items:
                queue = self._queues.get(item.channel)
                if queue is None:
                    queue = self._queues[item.channel] = deque()
                    self._ready.append(item.channel)
                queue.append(item)
            self.queued += len(items)

    def enlist(self, width: int) -> int:
        """How many senders to start so that `width` run (no more than there is work for)."""
        with self._changed:
            more = max(0, min(width - self.senders, len(self._ready)))
            self.senders += more
            return more

    def next_item(self, width: int) -> tuple[Claimed, datetime] | None:
        """The head of the next ready channel and the earliest instant it may go, or None when
        the sender should stop (no ready channel, or more senders than `width`)."""
        with self._changed:
            if not self._ready or self.senders > width:
                self.senders -= 1
                self._changed.notify_all()
                return None
            channel = self._ready.popleft()
            item = self._queues[channel].popleft()
            self.queued -= 1
            last = self._last_send.get(channel)
            return item, item.slot if last is None else max(item.slot, last + self._gap)

    def finish(self, item: Claimed, outcome: Outcome, sent_at: datetime | None) -> None:
        """Keep `outcome`; free its channel for the next sender (or hand its rows back)."""
        with self._changed:
            self._outcomes.append(outcome)
            queue = self._queues[item.channel]
            if sent_at is not None:
                self._last_send[item.channel] = sent_at
            if isinstance(outcome, Retry) and queue:  # the rest waits behind it, in order
                self._outcomes.extend(Retry(rest) for rest in queue)
                self.queued -= len(queue)
                queue.clear()
            if queue:
                self._ready.append(item.channel)
            else:
                del self._queues[item.channel]
            self._changed.notify_all()

    def mark_dead(self, error: str) -> bool:
        """Stop sending for a dead installation; True for the first sender to see it."""
        self.halt.set()
        with self._changed:
            first, self.dead = self.dead is None, self.dead or error
            return first

    def take_back(self) -> None:
        """Hand every queued row back untried (sending stopped)."""
        with self._changed:
            for channel in list(self._ready):
                self._outcomes.extend(Retry(item) for item in self._queues.pop(channel))
            self._ready.clear()
            self.queued = sum(len(queue) for queue in self._queues.values())

    def idle(self) -> bool:
        """Nothing queued and no sender at work."""
        with self._changed:
            return self.queued == 0 and self.senders == 0

    def wait(self, enough: int, timeout: float) -> None:
        """Return once `enough` outcomes wait to be written, the flow is idle, or `timeout`."""
        with self._changed:
            self._changed.wait_for(
                lambda: len(self._outcomes) >= enough or (self.queued == 0 and self.senders == 0),
                timeout,
            )

    def outcomes(self) -> list[Outcome]:
        """The outcomes gathered since the last call."""
        with self._changed:
            taken, self._outcomes = self._outcomes, []
            return taken
