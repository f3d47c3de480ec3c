"""The DMs a log causes, queued in the outbox: the rep's receipt, the manager's dispute notice."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.blocks.coaching.receipts import (
    build_dispute_notice,
    build_log_receipt,
    dispute_fallback,
    receipt_fallback,
)
from bot.domain.kinds import DeliveryKind
from bot.services.availability import dm_window
from bot.services.outbox import Envelope, delivery_key, queue
from db.models import CoachingItem, Person


def queue_log_notice(*, session: Session, item: CoachingItem, now: datetime) -> bool:
    """Queue the rep's DM about this revision of the log (once per revision)."""
    return queue(session, [_envelope(
        session, DeliveryKind.COACHING_RECEIPT, item, item.rep, receipt_fallback(item),
        build_log_receipt(item), now,
    )], now=now) == 1


def queue_dispute_notice(*, session: Session, item: CoachingItem, now: datetime) -> bool:
    """Queue the manager's DM saying the rep disputes this revision of the log (once)."""
    return queue(session, [_envelope(
        session, DeliveryKind.COACHING_DISPUTE, item, item.manager, dispute_fallback(item),
        build_dispute_notice(item), now,
    )], now=now) == 1


def _envelope(
    session: Session, kind: str, item: CoachingItem, to: Person, text: str,
    blocks: list[dict[str, object]], now: datetime,
) -> Envelope:
    """The DM to `to`, due in their working window."""
    window = dm_window(session=session, program=item.program, person=to, now=now)
    return Envelope(
        key=delivery_key(kind, item.program_id, to.id, f"{item.id}.{item.revision}"),
        kind=kind, workspace_id=item.program.workspace_id, program_id=item.program_id,
        person_id=to.id, channel=to.slack_user_id, text=text, blocks=blocks,
        due_at=window.due, window_end=window.end,
    )
