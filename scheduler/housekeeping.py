"""Before each dispatcher pass: expire rows whose window closed, take back lapsed claims."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.orm import Session

from db.models import Delivery, DeliveryStatus


def housekeep(session: Session, now: datetime) -> tuple[int, int]:
    """Expire planned rows whose send window closed, and take back claims whose lease ran out
    (a crashed process's), marked uncertain so they are reconciled before any resend; returns
    how many rows were expired and how many taken back."""
    expired = session.execute(
        update(Delivery)
        .where(Delivery.status == DeliveryStatus.PLANNED, Delivery.window_end <= now)
        .values(status=DeliveryStatus.EXPIRED, error="its send window closed")
    )
    reclaimed = session.execute(
        update(Delivery)
        .where(Delivery.status == DeliveryStatus.CLAIMED, Delivery.lease_until <= now)
        .values(status=DeliveryStatus.PLANNED, uncertain=True, claim_token=None)
    )
    return (
        int(getattr(expired, "rowcount", 0) or 0),
        int(getattr(reclaimed, "rowcount", 0) or 0),
    )
