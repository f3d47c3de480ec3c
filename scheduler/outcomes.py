"""What happened to each claimed row, and writing outcomes back in one transaction per group."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from db.models import Delivery, DeliveryStatus, Person
from scheduler.claims import Claimed
from scheduler.sending import Posted, UploadedFile

MAX_BACKOFF = 60.0


@dataclass(frozen=True)
class Sent:
    """Slack has the message (posted now, or found while reconciling)."""

    item: Claimed
    posted: Posted
    at: datetime


@dataclass(frozen=True)
class Uploaded:
    """Slack holds the delivery's files (shared nowhere yet)."""

    item: Claimed
    files: list[UploadedFile]
    at: datetime


@dataclass(frozen=True)
class Failed:
    """Slack refused it for good (a recipient error or a rejected payload)."""

    item: Claimed
    error: str


@dataclass(frozen=True)
class Retry:
    """Send it again later. With an error, Slack may have posted it: reconcile first."""

    item: Claimed
    error: str | None = None  # None: it was not tried (a 429, or a halted batch)
    rate_limited: bool = False  # Slack answered 429


Outcome = Sent | Uploaded | Failed | Retry


def record_outcomes(
    session: Session, outcomes: list[Outcome], *, now: datetime, backoff: float
) -> None:
    """Store every outcome, and the DM channel ids learned, with one statement per kind."""
    # Rows in id order: another transaction updating the same people (the daily sync) takes
    # them in that order too, so the two wait for each other instead of deadlocking.
    rows = [_row(outcome, now, backoff) for outcome in sorted(outcomes, key=lambda o: o.item.id)]
    for shape in {tuple(sorted(row)) for row in rows}:
        session.execute(update(Delivery), [row for row in rows if tuple(sorted(row)) == shape])
    learned = {
        o.item.person_id: o.posted.channel_id
        for o in outcomes
        if isinstance(o, Sent)
        and o.item.person_id is not None
        and o.item.dm_channel_id is None
        and o.item.channel.startswith(("U", "W"))
        and o.posted.channel_id.startswith("D")
    }
    if learned:
        session.execute(
            update(Person),
            [{"id": pid, "dm_channel_id": learned[pid]} for pid in sorted(learned)],
        )


def _row(outcome: Outcome, now: datetime, backoff: float) -> dict[str, Any]:
    released = {"id": outcome.item.id, "claim_token": None, "lease_until": None}
    attempted = {"attempts": outcome.item.attempts + 1}
    if isinstance(outcome, Sent):
        return (
            released
            | attempted
            | {
                "status": DeliveryStatus.SENT,
                "channel_id": outcome.posted.channel_id,
                "ts": outcome.posted.ts,
                "sent_at": outcome.at,
                "error": None,
                "uncertain": False,
            }
        )
    if isinstance(outcome, Uploaded):  # done: the planner that asked keeps the files' ids
        return released | attempted | {"status": DeliveryStatus.SENT, "sent_at": outcome.at,
                                         "error": None, "uncertain": False}
    if isinstance(outcome, Failed):
        return (
            released | attempted | {"status": DeliveryStatus.FAILED, "error": outcome.error[:200]}
        )
    if outcome.error is None:  # not tried (a 429 or a halted batch): no attempt, no backoff
        return released | {"status": DeliveryStatus.PLANNED}
    delay = min(MAX_BACKOFF, backoff * 2**outcome.item.attempts)
    return (
        released
        | attempted
        | {
            "status": DeliveryStatus.PLANNED,
            "uncertain": True,
            "error": outcome.error,
            "retry_at": now + timedelta(seconds=delay),
        }
    )
