"""Looking into the outbox, and sending again a row that failed, expired or was cancelled."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.deliveries import DeliveryPage
from bot.domain.kinds import OWN_KINDS
from bot.domain.lifecycle import Phase, phase
from bot.errors import InvalidInput, NotFound
from db.models import Delivery, DeliveryStatus, Program

# How long a retried row may wait for its turn when the caller gives no --until.
RETRY_WINDOW = timedelta(hours=1)
RETRYABLE = frozenset({DeliveryStatus.FAILED, DeliveryStatus.EXPIRED, DeliveryStatus.CANCELLED})
REFUSALS = {
    DeliveryStatus.SENT: "was sent at {sent_at}; sending it again would post it twice",
    DeliveryStatus.CLAIMED: "is being sent right now",
    DeliveryStatus.PLANNED: "is already waiting to be sent (due {due_at})",
}


def list_deliveries(
    *, session: Session, statuses: Collection[DeliveryStatus] = (),
    since: datetime | None = None, program_id: int | None = None, limit: int = 100,
) -> DeliveryPage:
    """Deliveries with any of `statuses` (all when empty) due at or after `since` (of one
    program's, when `program_id` is given)."""
    query = select(Delivery).order_by(Delivery.due_at.desc(), Delivery.id.desc())
    if statuses:
        query = query.where(Delivery.status.in_(sorted(statuses)))
    if since is not None:
        query = query.where(Delivery.due_at >= since)
    if program_id is not None:
        query = query.where(Delivery.program_id == program_id)
    rows = list(session.scalars(query.limit(limit + 1)))
    return DeliveryPage(rows=rows[:limit], more=len(rows) > limit)


def describe_delivery(delivery: Delivery) -> dict[str, Any]:
    """A delivery as plain JSON-ready values (times in UTC, ISO 8601)."""
    def iso(instant: datetime | None) -> str | None:
        return instant.isoformat() if instant else None

    return {
        "id": delivery.id, "key": delivery.key, "kind": delivery.kind,
        "status": delivery.status.value, "program_id": delivery.program_id,
        "person_id": delivery.person_id, "channel": delivery.channel,
        "due_at": iso(delivery.due_at), "window_end": iso(delivery.window_end),
        "attempts": delivery.attempts, "uncertain": delivery.uncertain,
        "error": delivery.error, "sent_at": iso(delivery.sent_at),
        "channel_id": delivery.channel_id, "ts": delivery.ts,
    }


def retry_delivery(
    *, session: Session, delivery_id: int, now: datetime, until: datetime | None = None,
    sends: Mapping[Phase, frozenset[str]] | None = None,
) -> Delivery:
    """Plan a failed, expired or cancelled delivery again, due now, with a window until `until`.

    A sent row is refused (it would be posted twice), and so is a kind the program's phase
    no longer sends (`sends`, the registry's lifecycle table: a welcome after the end). A row
    whose earlier attempt may have reached Slack keeps `uncertain`, so the dispatcher looks for
    it in Slack before posting.
    """
    delivery = session.get(Delivery, delivery_id, with_for_update=True)
    if delivery is None:
        raise NotFound(f"No delivery has the id {delivery_id}.")
    if delivery.status not in RETRYABLE:
        reason = REFUSALS[delivery.status].format(
            sent_at=_utc(delivery.sent_at), due_at=_utc(delivery.due_at)
        )
        raise InvalidInput(f"Delivery {delivery_id} {reason}; nothing was changed.")
    _ensure_phase_sends(session, delivery, now, sends)
    window_end = until or now + RETRY_WINDOW
    if window_end <= now:
        raise InvalidInput(f"--until {window_end.isoformat()} has already passed.")
    delivery.status = DeliveryStatus.PLANNED
    delivery.due_at, delivery.window_end = now, window_end
    delivery.error = delivery.retry_at = delivery.claim_token = delivery.lease_until = None
    delivery.attempts = 0
    session.flush()
    return delivery


def _ensure_phase_sends(
    session: Session, delivery: Delivery, now: datetime,
    sends: Mapping[Phase, frozenset[str]] | None,
) -> None:
    program = session.get(Program, delivery.program_id) if delivery.program_id else None
    if sends is None or program is None:
        return
    current = phase(program, now)
    if delivery.kind in OWN_KINDS and delivery.kind not in sends[current]:
        raise InvalidInput(f"Delivery {delivery.id} is a {delivery.kind} message, which program "
                           f"{program.name!r} no longer sends (it is {current}); nothing was "
                           "changed.")


def _utc(instant: datetime | None) -> str:
    return f"{instant:%Y-%m-%d %H:%M} UTC" if instant else "an unknown time"
