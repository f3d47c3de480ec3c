"""A rep's own standup DMs of a day (the prompt and the reminder), as the outbox sent them.

The only messages a standup answer ever updates: looked up by the rep's own delivery keys, so a
channel id and ts sent back by Slack (or forged) can pick one of them, never name another.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.domain.kinds import DeliveryKind
from bot.services.outbox import delivery_by_key
from bot.services.standups.keys import prompt_key, reminder_key
from db.models import DeliveryStatus

KEYS = {DeliveryKind.STANDUP_PROMPT: prompt_key, DeliveryKind.STANDUP_REMINDER: reminder_key}


def sent_dm(
    *, session: Session, program_id: int, slack_user_id: str, number: int, kind: DeliveryKind
) -> tuple[str, str] | None:
    """(channel id, ts) of the rep's `kind` DM (prompt or reminder) of Day `number`, if sent."""
    delivery = delivery_by_key(session, KEYS[kind](program_id, slack_user_id, number))
    if delivery is None or delivery.status is not DeliveryStatus.SENT or not delivery.ts:
        return None
    return str(delivery.channel_id), delivery.ts


def dm_to_update(
    *,
    session: Session,
    program_id: int,
    slack_user_id: str,
    number: int,
    message: tuple[str, str] | None,
) -> DeliveryKind | None:
    """Which of the rep's DMs of the day `message` (channel id, ts) is, so the answer shows
    there; None if neither (the reply to a typed DM). No message (App Home, command): the prompt."""
    if message is None:
        return DeliveryKind.STANDUP_PROMPT
    for kind in KEYS:
        sent = sent_dm(session=session, program_id=program_id, slack_user_id=slack_user_id,
                       number=number, kind=kind)
        if sent == message:
            return kind
    return None
