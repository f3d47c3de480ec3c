"""Send slots keep to the workspace's per-minute pace and one message per channel interval."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from scheduler.config import DispatchConfig
from scheduler.pacing import assign_slots

NOW = datetime(2027, 3, 10, 9, tzinfo=UTC)
CONFIG = DispatchConfig(per_minute=600, channel_interval=1.0, horizon=10.0)


def test_a_channel_gets_one_message_per_interval_in_order() -> None:
    slots = assign_slots(["C1"] * 4, now=NOW, workspace_next=NOW, channel_next={}, config=CONFIG)
    assert slots.at == [NOW + timedelta(seconds=n) for n in range(4)]
    assert slots.channel_next["C1"] == NOW + timedelta(seconds=4)


def test_different_channels_share_the_workspace_pace() -> None:
    slots = assign_slots(
        ["U1", "U2", "U3"], now=NOW, workspace_next=NOW, channel_next={}, config=CONFIG
    )
    assert slots.at == [NOW, NOW + timedelta(seconds=0.1), NOW + timedelta(seconds=0.2)]


def test_a_busy_channel_does_not_hold_up_the_others() -> None:
    slots = assign_slots(
        ["C1", "C1", "U1"], now=NOW, workspace_next=NOW, channel_next={}, config=CONFIG
    )
    assert slots.at == [NOW, NOW + timedelta(seconds=1), NOW + timedelta(seconds=0.1)]


def test_what_cannot_go_out_within_the_horizon_is_left_for_later() -> None:
    slots = assign_slots(["C1"] * 12, now=NOW, workspace_next=NOW, channel_next={}, config=CONFIG)
    assert slots.at[:11] == [NOW + timedelta(seconds=n) for n in range(11)]
    assert slots.at[11] is None


def test_the_shared_pace_of_other_processes_is_respected() -> None:
    later = NOW + timedelta(seconds=3)
    slots = assign_slots(
        ["C1"], now=NOW, workspace_next=NOW, channel_next={"C1": later}, config=CONFIG
    )
    assert slots.at == [later]


def test_a_pace_far_in_the_future_means_the_clock_moved_back() -> None:
    slots = assign_slots(
        ["U1"], now=NOW, workspace_next=NOW + timedelta(days=2), channel_next={}, config=CONFIG
    )
    assert slots.at == [NOW]
