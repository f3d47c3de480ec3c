"""The outbox: every message the bot posts on its own, and the shared send pace."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Enum, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, UtcDateTime, utcnow


class DeliveryStatus(StrEnum):
    """planned -> claimed -> sent / failed / expired; planned rows may also be cancelled."""

    PLANNED = "planned"
    CLAIMED = "claimed"
    SENT = "sent"
    FAILED = "failed"
    EXPIRED = "expired"
    CANCELLED = "cancelled"


class Delivery(Base):
    """One message to post (or, with `update_key`, an update of one already posted; or, for a
    planner's upload kinds, files to upload, shared nowhere)."""

    __tablename__ = "delivery"
    __table_args__ = (Index("ix_delivery_status_due_at", "status", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id"))
    program_id: Mapped[int | None] = mapped_column(ForeignKey("program.id"), index=True)
    # kind:program:recipient:slot; unique, so planning the same thing twice plans nothing new.
    key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    channel: Mapped[str] = mapped_column(String(32))  # a user id (a DM) or a channel id
    thread_key: Mapped[str | None] = mapped_column(String(200))  # reply under that delivery
    update_key: Mapped[str | None] = mapped_column(String(200))  # edit that delivery's message
    # Wait until that delivery is done (sent, failed, expired or cancelled): a post after the
    # upload of the file it shows.
    after_key: Mapped[str | None] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    blocks: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    due_at: Mapped[datetime] = mapped_column(UtcDateTime)
    window_end: Mapped[datetime] = mapped_column(UtcDateTime)
    status: Mapped[DeliveryStatus] = mapped_column(
        Enum(
            DeliveryStatus,
            native_enum=False,
            length=16,
            values_callable=lambda e: [m.value for m in e],
        ),
        default=DeliveryStatus.PLANNED,
    )
    attempts: Mapped[int] = mapped_column(default=0)
    retry_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # backoff after a failure
    # An attempt whose outcome is unknown: look for the message in Slack before sending again.
    uncertain: Mapped[bool] = mapped_column(default=False)
    claim_token: Mapped[str | None] = mapped_column(String(40), index=True)
    lease_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    first_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    channel_id: Mapped[str | None] = mapped_column(String(32))
    ts: Mapped[str | None] = mapped_column(String(32))
    error: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class SendPace(Base):
    """The next free send slot of a workspace or channel, shared by every dispatcher process;
    a workspace's row also holds its token bucket (tokens at updated_at, refilling at rate)."""

    __tablename__ = "send_pace"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)  # workspace:T… / channel:C…
    next_at: Mapped[datetime] = mapped_column(UtcDateTime)
    paused_until: Mapped[datetime | None] = mapped_column(UtcDateTime)  # a 429's Retry-After
    tokens: Mapped[float | None] = mapped_column()  # may be below zero: tokens already promised
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    rate: Mapped[float | None] = mapped_column()  # tokens a second now (None: the ceiling)
