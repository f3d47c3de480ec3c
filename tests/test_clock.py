"""The one clock: its moved and virtual forms, and what a malformed move says."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from bot.clock import CLOCK_ENV, OFFSET_ENV, VirtualClock, clock_environment, system_clock
from bot.settings import SettingsError, load_settings

START = datetime(2027, 3, 15, 9, tzinfo=UTC)


@pytest.fixture
def fresh_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """The process clock read anew from the environment the test sets, and read anew after."""
    monkeypatch.delenv(CLOCK_ENV, raising=False)
    monkeypatch.delenv(OFFSET_ENV, raising=False)
    system_clock.cache_clear()
    yield monkeypatch
    system_clock.cache_clear()


@pytest.mark.parametrize(("moved_to", "expected"), [
    ("2026-12-12T23:30:00+00:00", datetime(2026, 12, 12, 23, 30, tzinfo=UTC)),
    # 02:30 does not exist in New York that night; it is read as EST, so 07:30 UTC.
    ("2027-03-14T02:30 America/New_York", datetime(2027, 3, 14, 7, 30, tzinfo=UTC)),
    # 01:30 happens twice that night; the first (EDT) is meant.
    ("2027-11-07T01:30 America/New_York", datetime(2027, 11, 7, 5, 30, tzinfo=UTC)),
])
def test_a_moved_clock_reads_the_instant_and_runs_on(
    fresh_clock: pytest.MonkeyPatch, moved_to: str, expected: datetime
) -> None:
    fresh_clock.setenv(CLOCK_ENV, moved_to)
    clock = system_clock()
    assert timedelta(0) <= clock.now() - expected < timedelta(minutes=5)
    assert clock.now().tzinfo is not None


def test_children_get_the_parents_clock_exactly(fresh_clock: pytest.MonkeyPatch) -> None:
    fresh_clock.setenv(CLOCK_ENV, "2026-12-13T12:00:00+00:00")
    parent = system_clock()
    child_environment = clock_environment(parent)
    system_clock.cache_clear()
    fresh_clock.setenv(OFFSET_ENV, child_environment[OFFSET_ENV])
    assert system_clock().offset == parent.offset


@pytest.mark.parametrize("moved_to", ["next tuesday", "2027-03-14T02:30", "2027-03-14 Mars/Base"])
def test_a_malformed_move_is_one_configuration_error_naming_the_variable(
    fresh_clock: pytest.MonkeyPatch, moved_to: str
) -> None:
    fresh_clock.setenv(CLOCK_ENV, moved_to)
    with pytest.raises(SettingsError, match=f"^{CLOCK_ENV} is malformed: "):
        load_settings()


def test_virtual_waits_take_no_real_time_and_do_not_add_up() -> None:
    clock = VirtualClock(START)
    clock.sleep_until(START + timedelta(hours=1))
    clock.sleep_until(START + timedelta(minutes=30))  # already past: time does not go back
    assert clock.now() == START + timedelta(hours=1)
    waiters = [
        threading.Thread(target=clock.sleep_until, args=(START + timedelta(hours=2),))
        for _ in range(5)
    ]
    for waiter in waiters:
        waiter.start()
    for waiter in waiters:
        waiter.join()
    assert clock.now() == START + timedelta(hours=2)


def test_a_virtual_wait_ends_early_for_an_event_already_set() -> None:
    clock, event = VirtualClock(START), threading.Event()
    assert clock.wait_until(event, START + timedelta(seconds=30)) is False
    assert clock.now() == START + timedelta(seconds=30)
    event.set()
    assert clock.wait_until(event, START + timedelta(days=1)) is True
    assert clock.now() == START + timedelta(seconds=30)
