"""Where the live test worlds stand in time: an explicit Wednesday afternoon, never the real date.

A world whose listeners read the clock (the App Home, coaching, standups) is built around
`LIVE_NOW`, and `place_clock` moves the test's clock (shared by the app and the fake Slack) there.
"""

from __future__ import annotations

from datetime import UTC, datetime

from bot.clock import SystemClock
from bot.fakeslack import FakeSlack

LIVE_NOW = datetime(2027, 3, 17, 15, 0, tzinfo=UTC)  # a Wednesday, in UTC the test people's zone
LIVE_DAY = LIVE_NOW.date()


def place_clock(fake: FakeSlack, instant: datetime = LIVE_NOW) -> None:
    """Move the test's clock to `instant`; it runs on from there at real speed."""
    assert isinstance(fake.clock, SystemClock)  # the `clock` fixture's, shared with the app
    fake.clock.move_to(instant)
