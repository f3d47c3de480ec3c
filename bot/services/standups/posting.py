"""Queueing an answer's posts in the standup channel: the day's thread parent (once), the
reply, its edits, and the parent's count (at most one update a minute)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import update
from sqlalchemy.orm import Session

from bot.blocks.standup_channel import (
    build_channel_reply,
    build_thread_parent,
    channel_reply_fallback,
    thread_parent_fallback,
)
from bot.blocks.text import Block
from bot.domain.kinds import DeliveryKind
from bot.domain.standups.days import StandupDay
from bot.domain.standups.fields import AnswerText
from bot.services.outbox import NOW_WINDOW, Envelope, delivery_by_key, queue
from bot.services.standups.keys import count_key, reply_edit_key, reply_key, thread_key
from bot.services.standups.totals import participation_totals
from db.models import Delivery, DeliveryStatus, Person, Program, StandupAnswer


def queue_answer_posts(
    session: Session,
    *,
    program: Program,
    person: Person,
    day: StandupDay,
    answer: StandupAnswer,
    now: datetime,
) -> None:
    """A first answer: the day's parent (if nobody queued it yet), the reply, the count.

    Two first answers racing both queue the parent under its one key: the outbox keeps one.
    """
    parent_key = thread_key(program.id, day.number)
    if delivery_by_key(session, parent_key) is None:
        queue(session, [_parent_envelope(session, program, day, now, key=parent_key)], now=now)
    else:
        queue_count_update(session, program=program, day=day, now=now)
    reply = _channel_envelope(
        program,
        now,
        key=reply_key(program.id, day.number, person.id),
        kind=DeliveryKind.STANDUP_REPLY,
        text=channel_reply_fallback(person.slack_user_id, day),
        blocks=build_channel_reply(
            rep_user_id=person.slack_user_id, day=day, text=AnswerText.of(answer), edited=False
        ),
        thread_key=parent_key,
    )
    queue(session, [reply], now=now)


def queue_reply_edit(
    session: Session,
    *,
    program: Program,
    person: Person,
    day: StandupDay,
    answer: StandupAnswer,
    now: datetime,
) -> None:
    """An edit: rewrite the reply if it is still waiting, else queue an update of it."""
    key = reply_key(program.id, day.number, person.id)
    text = channel_reply_fallback(person.slack_user_id, day)
    answer_text = AnswerText.of(answer)
    unsent = build_channel_reply(
        rep_user_id=person.slack_user_id, day=day, text=answer_text, edited=False
    )
    if refresh_planned(session, key, text=text, blocks=unsent):
        return
    edit = _channel_envelope(
        program,
        now,
        key=reply_edit_key(program.id, day.number, person.id, answer.revision),
        kind=DeliveryKind.STANDUP_REPLY,
        text=text,
        update_key=key,
        blocks=build_channel_reply(
            rep_user_id=person.slack_user_id, day=day, text=answer_text, edited=True
        ),
    )
    queue(session, [edit], now=now)


def queue_count_update(
    session: Session, *, program: Program, day: StandupDay, now: datetime
) -> None:
    """Update the parent's count at the end of this minute (one update per minute at most)."""
    parent_key = thread_key(program.id, day.number)
    if delivery_by_key(session, parent_key) is None:
        return
    minute = now.replace(second=0, microsecond=0)
    envelope = _parent_envelope(
        session,
        program,
        day,
        minute + timedelta(minutes=1),
        key=count_key(program.id, day.number, minute),
        kind=DeliveryKind.STANDUP_COUNT,
        update_key=parent_key,
    )
    queue(session, [envelope], now=now)
    # Already queued this minute: bring its figures up to date (a no-op when it was just added).
    refresh_planned(session, envelope.key, text=envelope.text, blocks=envelope.blocks or [])


def _parent_envelope(
    session: Session,
    program: Program,
    day: StandupDay,
    due_at: datetime,
    *,
    key: str,
    kind: DeliveryKind = DeliveryKind.STANDUP_THREAD,
    update_key: str | None = None,
) -> Envelope:
    totals = participation_totals(session=session, program=program, now=due_at, number=day.number)
    return _channel_envelope(
        program,
        due_at,
        key=key,
        kind=kind,
        update_key=update_key,
        text=thread_parent_fallback(day, totals.answered, totals.expected),
        blocks=build_thread_parent(day=day, counts=totals),
    )


def _channel_envelope(
    program: Program,
    due_at: datetime,
    *,
    key: str,
    kind: DeliveryKind,
    text: str,
    blocks: list[Block],
    thread_key: str | None = None,
    update_key: str | None = None,
) -> Envelope:
    return Envelope(
        key=key,
        kind=kind,
        workspace_id=program.workspace_id,
        program_id=program.id,
        person_id=None,
        channel=program.standup_channel,
        text=text,
        blocks=blocks,
        due_at=due_at,
        window_end=due_at + NOW_WINDOW,
        thread_key=thread_key,
        update_key=update_key,
    )


def refresh_planned(session: Session, key: str, *, text: str, blocks: list[Block]) -> bool:
    """Rewrite a row the dispatcher has not claimed yet; False if there is none to rewrite."""
    result = session.execute(
        update(Delivery)
        .where(Delivery.key == key, Delivery.status == DeliveryStatus.PLANNED)
        .values(text=text, blocks=blocks)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0) > 0
