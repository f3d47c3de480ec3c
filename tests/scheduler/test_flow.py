"""Rows on their way out: one sender per channel, in order; a row to retry holds back the rest."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from scheduler.claims import Claimed
from scheduler.flow import Flow
from scheduler.outcomes import Retry, Sent
from scheduler.sending import Posted

NOW = datetime(2027, 3, 10, 9, tzinfo=UTC)
ROW = Claimed(
    id=0, key="k", kind="test", channel="C1", text="hi", blocks=None, person_id=None,
    uncertain=False, first_attempt_at=NOW, attempts=0, slot=NOW,
    lease_until=NOW + timedelta(minutes=2), thread=None, target=None, dm_channel_id=None,
)


def rows(*channels: str) -> list[Claimed]:
    """One claimed row per channel named, ids in that order."""
    return [replace(ROW, id=n, key=f"k{n}", channel=c) for n, c in enumerate(channels)]


def test_a_channel_is_served_by_one_sender_at_a_time_in_order() -> None:
    flow = Flow(channel_interval=1.0)
    flow.add(rows("C1", "C1", "C2"))
    assert flow.enlist(8) == 2  # two ready channels: a third sender would have nothing to do
    first = flow.next_item(8)
    other = flow.next_item(8)
    assert first is not None
    assert other is not None
    assert (first[0].id, other[0].id) == (0, 2)
    assert flow.next_item(8) is None  # C1's second row waits for its first
    flow.finish(first[0], Sent(first[0], Posted("C1", "1.0"), NOW), NOW)
    following = flow.next_item(8)
    assert following is not None
    assert following == (rows("C1", "C1")[1], NOW + timedelta(seconds=1))  # a second later


def test_a_row_to_try_again_hands_its_channels_rest_back_untried() -> None:
    flow = Flow(channel_interval=0.0)
    flow.add(rows("C1", "C1", "C1"))
    flow.enlist(1)
    taken = flow.next_item(1)
    assert taken is not None
    flow.finish(taken[0], Retry(taken[0], rate_limited=True), None)
    assert [(o.item.id, type(o).__name__) for o in flow.outcomes()] == [
        (0, "Retry"), (1, "Retry"), (2, "Retry")
    ]
    assert flow.queued == 0
