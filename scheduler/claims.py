"""Claiming due outbox rows under a shared pace, so no two processes send the same row.

One short transaction per batch: lock the workspace's pace row (which also serialises claimers on
SQLite), pick due rows in order (cancelling those the lifecycle table holds back), give each a
slot, claim those that fit the horizon with a lease, and store the advanced pace. The workspace
slot only bounds how far ahead every process together claims; a claimed row goes out once its
channel is ready and the shared token bucket gives it a token (scheduler/bucket.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, exists, func, or_, select, update
from sqlalchemy.orm import Session, aliased

from db.models import Delivery, DeliveryStatus, Person, SendPace
from scheduler.bucket import pace_insert
from scheduler.config import DispatchConfig
from scheduler.lifecycle import hold_back
from scheduler.pacing import assign_slots
from scheduler.sending import Posted


@dataclass(frozen=True)
class Claimed:
    """A claimed row with everything needed to send it, when its channel is ready for it, and
    until when the claim holds."""

    id: int
    key: str
    kind: str
    channel: str
    text: str
    blocks: list[dict[str, Any]] | None
    person_id: int | None
    uncertain: bool
    first_attempt_at: datetime
    attempts: int
    slot: datetime  # its channel's readiness: one message per channel interval
    lease_until: datetime
    thread: Posted | None  # the parent message, for a thread reply
    target: Posted | None  # the message to edit, for an update
    dm_channel_id: str | None


@dataclass(frozen=True)
class Batch:
    """What one claim produced: rows to send, or why none (and until when)."""

    items: list[Claimed]
    waiting: bool  # due rows remain that did not fit the pace
    paused_until: datetime | None  # nothing before then: a Retry-After, or rows backing off


def claim_batch(
    session: Session,
    *,
    workspace_id: int,
    team_id: str,
    token: str,
    now: datetime,
    config: DispatchConfig,
    limit: int | None = None,
) -> Batch:
    """Claim the next rows (at most `limit`, else a batch) of one workspace that the pace lets go
    out soon."""
    workspace_key = f"workspace:{team_id}"
    workspace_next, paused_until = _lock_pace(session, workspace_key, now)
    if paused_until is not None and paused_until > now:
        return Batch(items=[], waiting=True, paused_until=paused_until)
    rows = _sendable(session, workspace_id, now, min(limit or config.batch_size, config.batch_size))
    if not rows:
        return Batch(items=[], waiting=False, paused_until=_next_retry(session, workspace_id, now))
    channel_next = _channel_paces(session, {row.channel for row in rows})
    slots = assign_slots(
        [row.channel for row in rows],
        now=now,
        workspace_next=workspace_next,
        channel_next=channel_next,
        config=config,
    )
    kept = [
        (row, slot, ready)
        for row, slot, ready in zip(rows, slots.at, slots.ready, strict=True)
        if slot is not None and ready is not None
    ]
    if not kept:
        return Batch(items=[], waiting=True, paused_until=None)
    lease_until = max(slot for _, slot, _ in kept) + timedelta(seconds=config.lease_margin)
    session.execute(
        update(Delivery)
        .where(Delivery.id.in_([row.id for row, _, _ in kept]))
        .values(
            status=DeliveryStatus.CLAIMED,
            claim_token=token,
            lease_until=lease_until,
            first_attempt_at=func.coalesce(Delivery.first_attempt_at, now),
        )
        .execution_options(synchronize_session=False)
    )
    paces = {f"channel:{row.channel}": slots.channel_next[row.channel] for row, _, _ in kept}
    _store_paces(session, paces | {workspace_key: slots.workspace_next})
    parents = _sent_parents(session, rows)
    dm_channels = _dm_channels(session, rows)
    items = [
        _claimed(row, ready, lease_until, now, parents, dm_channels) for row, _, ready in kept
    ]
    return Batch(items=items, waiting=len(kept) < len(rows), paused_until=None)


def _sendable(session: Session, workspace_id: int, now: datetime, limit: int) -> list[Delivery]:
    """The next due rows the lifecycle table lets go out; rows it holds back are cancelled and
    the next ones looked at, so a program's held rows never stall the others."""
    while True:
        rows = list(session.scalars(_due(workspace_id, now).limit(limit)))
        sendable = hold_back(session, rows, now)
        if sendable or not rows:  # else every row was held back: look at the next ones
            return sendable


def _next_retry(session: Session, workspace_id: int, now: datetime) -> datetime | None:
    """When the earliest row backing off after a failure may be tried again (None: none is)."""
    return session.scalar(
        select(func.min(Delivery.retry_at)).where(
            Delivery.workspace_id == workspace_id,
            Delivery.status == DeliveryStatus.PLANNED,
            Delivery.retry_at > now,
            Delivery.due_at <= now,
            Delivery.window_end > now,
        )
    )


def _due(workspace_id: int, now: datetime) -> Any:
    parent = aliased(Delivery)
    parent_sent = exists().where(parent.status == DeliveryStatus.SENT)
    return (
        select(Delivery)
        .where(
            Delivery.workspace_id == workspace_id,
            Delivery.status == DeliveryStatus.PLANNED,
            Delivery.due_at <= now,
            Delivery.window_end > now,
            or_(Delivery.retry_at.is_(None), Delivery.retry_at <= now),
            or_(
                Delivery.thread_key.is_(None), parent_sent.where(parent.key == Delivery.thread_key)
            ),
            or_(
                Delivery.update_key.is_(None), parent_sent.where(parent.key == Delivery.update_key)
            ),
            or_(Delivery.after_key.is_(None), ~exists().where(
                parent.key == Delivery.after_key,
                parent.status.in_((DeliveryStatus.PLANNED, DeliveryStatus.CLAIMED)),
            )),
        )
        .order_by(Delivery.due_at, Delivery.id)
        .with_for_update(skip_locked=True, of=Delivery)
    )


def _lock_pace(session: Session, key: str, now: datetime) -> tuple[datetime, datetime | None]:
    """Create-or-touch the workspace pace row, taking its lock; returns (next_at, paused_until)."""
    insert = pace_insert(session).values(key=key, next_at=now)
    statement = insert.on_conflict_do_update(
        index_elements=["key"], set_={"key": insert.excluded.key}
    ).returning(SendPace.next_at, SendPace.paused_until)
    next_at, paused_until = session.execute(statement).one()
    return next_at, paused_until


def _channel_paces(session: Session, channels: set[str]) -> dict[str, datetime]:
    keys = [f"channel:{channel}" for channel in channels]
    rows = session.execute(select(SendPace.key, SendPace.next_at).where(SendPace.key.in_(keys)))
    return {key.removeprefix("channel:"): next_at for key, next_at in rows}


def _store_paces(session: Session, paces: dict[str, datetime]) -> None:
    insert = pace_insert(session)
    statement = insert.on_conflict_do_update(
        index_elements=["key"], set_={"next_at": insert.excluded.next_at}
    )
    session.execute(statement, [{"key": key, "next_at": at} for key, at in paces.items()])


def _sent_parents(session: Session, rows: list[Delivery]) -> dict[str, Posted]:
    keys = {key for row in rows for key in (row.thread_key, row.update_key) if key}
    if not keys:
        return {}
    query = select(Delivery.key, Delivery.channel_id, Delivery.ts).where(
        and_(Delivery.key.in_(keys), Delivery.status == DeliveryStatus.SENT)
    )
    return {key: Posted(str(channel_id), str(ts)) for key, channel_id, ts in session.execute(query)}


def _dm_channels(session: Session, rows: list[Delivery]) -> dict[int, str]:
    ids = {row.person_id for row in rows if row.uncertain and row.person_id is not None}
    if not ids:
        return {}
    query = select(Person.id, Person.dm_channel_id).where(Person.id.in_(ids))
    return {person_id: channel for person_id, channel in session.execute(query) if channel}


def _claimed(
    row: Delivery,
    ready: datetime,
    lease_until: datetime,
    now: datetime,
    parents: dict[str, Posted],
    dm_channels: dict[int, str],
) -> Claimed:
    return Claimed(
        id=row.id,
        key=row.key,
        kind=row.kind,
        channel=row.channel,
        text=row.text,
        blocks=row.blocks,
        person_id=row.person_id,
        uncertain=row.uncertain,
        first_attempt_at=row.first_attempt_at or now,
        attempts=row.attempts,
        slot=ready,
        lease_until=lease_until,
        thread=parents.get(row.thread_key) if row.thread_key else None,
        target=parents.get(row.update_key) if row.update_key else None,
        dm_channel_id=dm_channels.get(row.person_id) if row.person_id is not None else None,
    )

