"""Queueing messages in the outbox; only the dispatcher (scheduler/) sends them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from db.models import Delivery, DeliveryStatus

# How long a message queued "now" (a channel reply after an answer) may wait for its turn.
NOW_WINDOW = timedelta(hours=12)


@dataclass(frozen=True)
class Envelope:
    """Everything the dispatcher needs to post one message, and when."""

    key: str
    kind: str
    workspace_id: int
    program_id: int | None
    person_id: int | None
    channel: str  # a user id for a DM, or a channel id
    text: str  # the notification / screen-reader fallback; always set
    blocks: list[dict[str, Any]] | None
    due_at: datetime
    window_end: datetime
    thread_key: str | None = None  # post as a reply in the thread of that delivery's message
    update_key: str | None = None  # edit that delivery's message instead of posting
    after_key: str | None = None  # send only once that delivery is done (e.g. a file uploaded)


def delivery_key(kind: str, program_id: int | None, recipient: object, slot: object) -> str:
    """The unique key of one delivery: kind, program, recipient, slot."""
    return f"{kind}:{program_id if program_id is not None else '-'}:{recipient}:{slot}"


def queue(session: Session, envelopes: Sequence[Envelope], *, now: datetime) -> int:
    """Add envelopes not already in the outbox (by key); returns how many were new.

    Envelopes whose window has already closed are recorded as expired, never sent.
    """
    if not envelopes:
        return 0
    rows = [_row(envelope, now) for envelope in envelopes]
    statement = _insert_ignoring_duplicates(session).values(rows).returning(Delivery.id)
    # RETURNING counts the rows really inserted (rowcount is -1 for this on PostgreSQL).
    return len(session.execute(statement).all())


def cancel_planned(
    session: Session,
    *,
    reason: str,
    keys: Iterable[str] | None = None,
    person_id: int | None = None,
    program_id: int | None = None,
    due_from: datetime | None = None,
    due_until: datetime | None = None,
) -> int:
    """Cancel planned (not yet claimed) deliveries matching every filter given."""
    statement = update(Delivery).where(Delivery.status == DeliveryStatus.PLANNED)
    if keys is not None:
        statement = statement.where(Delivery.key.in_(list(keys)))
    if person_id is not None:
        statement = statement.where(Delivery.person_id == person_id)
    if program_id is not None:
        statement = statement.where(Delivery.program_id == program_id)
    if due_from is not None:
        statement = statement.where(Delivery.due_at >= due_from)
    if due_until is not None:
        statement = statement.where(Delivery.due_at < due_until)
    result = session.execute(
        statement.values(status=DeliveryStatus.CANCELLED, error=reason[:200]),
        execution_options={"synchronize_session": False},
    )
    return int(getattr(result, "rowcount", 0) or 0)


def delivery_by_key(session: Session, key: str) -> Delivery | None:
    """The delivery with `key`, if any."""
    return session.scalars(select(Delivery).where(Delivery.key == key)).first()


def _row(envelope: Envelope, now: datetime) -> dict[str, Any]:
    closed = envelope.window_end <= now
    return asdict(envelope) | {
        "status": DeliveryStatus.EXPIRED if closed else DeliveryStatus.PLANNED,
        "error": "its send window closed before it could be sent" if closed else None,
        "created_at": now,
        "attempts": 0,
        "uncertain": False,
    }


def _insert_ignoring_duplicates(session: Session) -> Insert:
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(Delivery).on_conflict_do_nothing(index_elements=["key"])
    return sqlite.insert(Delivery).on_conflict_do_nothing(index_elements=["key"])
