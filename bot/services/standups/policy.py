"""Standups' policy: who may answer a rep's day (the rep alone) and resolve their blocker (the
manager it was sent to, an admin of the program, or a kickoff admin)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.errors import NotAllowed
from bot.services.actor import Actor
from bot.services.standups.turn import StandupTurn
from db.models import Membership, Person, Program, Role, StandupAnswer

RESOLVE_REFUSAL = "Only the rep's manager or a program admin can resolve this blocker."
NOT_YOURS = ("This standup belongs to someone else, so nothing was changed. "
             "Yours come to you in your own DM with kickoff-bot.")


def ensure_own_standup(turn: StandupTurn) -> None:
    """Raise NotAllowed unless the actor is the rep: a standup is answered by its rep alone."""
    if turn.actor_user_id != turn.rep_user_id:
        raise NotAllowed(NOT_YOURS)


def ensure_may_resolve(
    *, session: Session, program: Program, answer: StandupAnswer, actor: Actor,
    person: Person | None,
) -> None:
    """Raise NotAllowed unless `actor` (known to kickoff-bot as `person`, if at all) may resolve
    the blocker of `answer`."""
    if actor.is_kickoff_admin:
        return
    if person is None:
        raise NotAllowed(RESOLVE_REFUSAL)
    if person.id == answer.manager_id:
        return
    member = session.scalars(
        select(Membership).where(
            Membership.program_id == program.id,
            Membership.person_id == person.id,
            Membership.active.is_(True),
        )
    ).first()
    if member is None or Role.ADMIN not in member.roles:
        raise NotAllowed(RESOLVE_REFUSAL)
