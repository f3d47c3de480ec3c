"""The request gate reads kickoff-bot's clock, so a moved clock verifies what it signs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.clock import VirtualClock
from bot.fakeslack.signed import signature
from bot.verify import UNAUTHORIZED, RequestGate

SECRET = "gate-secret"
BODY = b"command=%2Fkickoff&text=help"
MOVED = VirtualClock(datetime(2031, 3, 9, 2, 30, tzinfo=UTC))


def refusal(gate: RequestGate, sent_at: datetime) -> str | None:
    """What `gate` says of BODY signed at `sent_at`."""
    timestamp = str(int(sent_at.timestamp()))
    return gate.refusal(
        BODY,
        timestamp=timestamp,
        signed=signature(SECRET, timestamp, BODY),
        content_type="application/x-www-form-urlencoded",
    )


def test_a_request_signed_on_the_moved_clock_passes() -> None:
    assert refusal(RequestGate(SECRET, clock=MOVED), MOVED.now()) is None


def test_freshness_is_judged_by_the_moved_clock_not_the_wall_clock() -> None:
    gate = RequestGate(SECRET, clock=MOVED)
    assert refusal(gate, MOVED.now() - timedelta(minutes=6)) == UNAUTHORIZED
    assert refusal(gate, datetime(2026, 1, 5, tzinfo=UTC)) == UNAUTHORIZED
