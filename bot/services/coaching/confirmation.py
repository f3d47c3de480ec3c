"""The rep's answer to a log: confirmed, or "that didn't happen" (flagged, manager told)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.blocks.text import escape
from bot.errors import InvalidInput, NotAllowed
from bot.services.coaching.log_entry import load_item
from bot.services.coaching.notices import queue_dispute_notice
from db.models import CoachingItem, Confirmation, LoggedStatus


def answer_log(
    *, session: Session, item_id: int, revision: int, rep_slack_id: str,
    answer: Confirmation, now: datetime,
) -> CoachingItem:
    """Record the rep's answer to revision `revision` of the log; a dispute tells the manager."""
    item = load_item(session=session, item_id=item_id)
    if rep_slack_id != item.rep.slack_user_id:
        raise NotAllowed(
            f"Only {escape(item.rep.name)} can confirm this session, so nothing was changed."
        )
    if item.status is not LoggedStatus.DONE or item.revision != revision:
        raise InvalidInput(
            "Your manager changed this log since; the latest version was sent to you."
        )
    item.confirmation = answer
    item.confirmation_at = now
    session.flush()
    if answer is Confirmation.DISPUTED:
        queue_dispute_notice(session=session, item=item, now=now)
    return item
