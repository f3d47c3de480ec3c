"""Resolving a blocker: only the rep's manager or an admin, once, and the rep is told."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.blocks.standup_channel import (
    WITHDRAWN_NOTE,
    blocker_dm_fallback,
    blocker_resolved_fallback,
    build_blocker_dm,
    build_blocker_resolved,
    resolved_note,
)
from bot.blocks.text import Block
from bot.domain.kinds import DeliveryKind
from bot.domain.standups.days import StandupDay
from bot.errors import NotFound
from bot.services.actor import Actor
from bot.services.outbox import queue
from bot.services.standups.blockers import dm_envelope
from bot.services.standups.keys import resolved_key
from bot.services.standups.policy import ensure_may_resolve
from bot.services.standups.schedule import standup_day
from db.models import Person, Program, StandupAnswer


@dataclass(frozen=True)
class Resolution:
    """The blocker DM as it should now look, and whether this click resolved it."""

    blocks: list[Block]
    text: str
    resolved_now: bool


def resolve_blocker(
    *, session: Session, answer_id: int, actor: Actor, now: datetime
) -> Resolution:
    """Mark a blocker resolved (its manager or an admin only) and tell the rep, once."""
    answer = session.get(StandupAnswer, answer_id)
    if answer is None:
        raise NotFound("That blocker no longer exists.")
    program = session.get_one(Program, answer.program_id)
    resolver = session.scalars(
        select(Person).where(
            Person.workspace_id == program.workspace_id,
            Person.slack_user_id == actor.slack_user_id,
        )
    ).first()
    ensure_may_resolve(session=session, program=program, answer=answer, actor=actor,
                       person=resolver)
    rep = session.get_one(Person, answer.person_id)
    day = standup_day(program, answer.day_number) or StandupDay(
        answer.day_number, program.standup_days, answer.local_date
    )
    resolved_now = answer.has_open_blocker
    if resolved_now:
        answer.blocker_resolved_at = now
        answer.blocker_resolved_by_id = resolver.id if resolver else None
        _tell_rep(session, program, rep, day, answer, resolver, now)
    blocks = build_blocker_dm(
        rep_user_id=rep.slack_user_id,
        program_name=program.name,
        day=day,
        blocker=answer.blocker or "",
        answer_id=answer.id,
        closed_note=_closed_note(session, answer, actor.slack_user_id),
    )
    text = blocker_dm_fallback(rep.name, day, answer.blocker or "")
    return Resolution(blocks=blocks, text=text, resolved_now=resolved_now)


def _closed_note(session: Session, answer: StandupAnswer, actor_user_id: str) -> str:
    if not answer.blocker:
        return WITHDRAWN_NOTE
    resolver = (
        session.get(Person, answer.blocker_resolved_by_id)
        if answer.blocker_resolved_by_id
        else None
    )
    return resolved_note(resolver.slack_user_id if resolver else actor_user_id)


def _tell_rep(
    session: Session,
    program: Program,
    rep: Person,
    day: StandupDay,
    answer: StandupAnswer,
    actor: Person | None,
    now: datetime,
) -> None:
    name = actor.name if actor else "An admin"
    blocks = build_blocker_resolved(day=day, blocker=answer.blocker or "", resolver_name=name)
    key = resolved_key(program.id, rep.slack_user_id, answer.id, answer.revision)
    text = blocker_resolved_fallback(name, day)
    envelope = dm_envelope(session, program, rep, key, DeliveryKind.STANDUP_BLOCKER_RESOLVED, text,
                           blocks, now)
    queue(session, [envelope], now=now)
