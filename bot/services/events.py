"""Slack events handled once: an event_id seen before is a re-send (Slack's retries)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from db.models import ProcessedEvent

# Slack retries an event three times within minutes; a day of ids is plenty to recognise them.
KEEP_FOR = timedelta(days=1)


def record_event(*, session: Session, event_id: str, now: datetime) -> bool:
    """Remember `event_id`; True the first time, False for a re-send of an event already seen.

    Two deliveries of one event racing each other both insert; the unique key lets one win.
    Ids older than KEEP_FOR are forgotten on the way, so the table stays small.
    """
    session.execute(delete(ProcessedEvent).where(ProcessedEvent.received_at < now - KEEP_FOR))
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = (
        insert(ProcessedEvent)
        .values(event_id=event_id, received_at=now)
        .on_conflict_do_nothing(index_elements=["event_id"])
        .returning(ProcessedEvent.event_id)  # a row back only when this insert won
    )
    return session.execute(statement).first() is not None
