"""Claim-time slots within Slack's limits: per workspace (messages per minute) and per channel.

Pure arithmetic over the shared pace rows' `next_at` values; the claim transaction loads and stores
them under a lock, so every process keeps one common pace. The workspace slot only bounds how far
ahead rows are claimed: the send itself waits for its channel and then for a token of the shared
bucket (scheduler/bucket.py), so a late send is paced again instead of sent in a burst.
"""

from __future__ import annotations

import heapq
from collections import defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from scheduler.config import DispatchConfig


@dataclass(frozen=True)
class Slots:
    """The send instant of each item (None: not within the horizon), when its channel is ready
    for it, and the new pace values."""

    at: list[datetime | None]
    ready: list[datetime | None]
    workspace_next: datetime
    channel_next: dict[str, datetime]


def assign_slots(
    channels: Sequence[str],
    *,
    now: datetime,
    workspace_next: datetime,
    channel_next: dict[str, datetime],
    config: DispatchConfig,
) -> Slots:
    """Give each item the earliest slot both its channel and the workspace allow.

    Items of one channel keep their order; a busy channel does not hold up the others, because
    the next workspace slot always goes to the channel that can use it first.
    """
    workspace_gap = timedelta(minutes=1) / config.per_minute
    channel_gap = timedelta(seconds=config.channel_interval)
    limit = now + timedelta(seconds=config.horizon)
    queues: dict[str, deque[int]] = defaultdict(deque)
    for index, channel in enumerate(channels):
        queues[channel].append(index)
    ready = {channel: _not_before(channel_next.get(channel, now), now) for channel in queues}
    heads = [(ready[channel], queue[0], channel) for channel, queue in queues.items()]
    heapq.heapify(heads)
    slots: list[datetime | None] = [None] * len(channels)
    channel_ready: list[datetime | None] = [None] * len(channels)
    next_workspace = _not_before(workspace_next, now)
    while heads:
        earliest, index, channel = heapq.heappop(heads)
        slot = max(earliest, next_workspace)
        if slot > limit:
            break  # every other head is due no sooner: the rest waits for a later batch
        slots[index], channel_ready[index] = slot, earliest
        next_workspace = slot + workspace_gap
        ready[channel] = slot + channel_gap
        queues[channel].popleft()
        if queues[channel]:
            heapq.heappush(heads, (ready[channel], queues[channel][0], channel))
    return Slots(
        at=slots, ready=channel_ready, workspace_next=next_workspace, channel_next=ready
    )


def _not_before(stored: datetime, now: datetime) -> datetime:
    # A pace far in the future can only come from a clock that moved back: start afresh.
    if stored - now > timedelta(hours=1):
        return now
    return max(stored, now)
