"""Who may read a program's tiers and run its calibrations: its enablement team and admins, and
kickoff admins (the shell's operator is one: bot/cli/operator.py)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.errors import NotAllowed
from bot.services.actor import Actor
from db.models import Membership, Person, Program, Role

ENABLEMENT_ROLES = frozenset({Role.ENABLEMENT, Role.ADMIN})


def is_enablement(*, session: Session, program: Program, actor: Actor) -> bool:
    """Whether the actor is a kickoff admin, or enablement or admin of the program."""
    if actor.is_kickoff_admin:
        return True
    members = session.scalars(
        select(Membership).join(Person, Person.id == Membership.person_id)
        .where(Membership.program_id == program.id, Membership.active.is_(True),
               Person.slack_user_id == actor.slack_user_id))
    return any(member.roles & ENABLEMENT_ROLES for member in members)


def ensure_enablement(*, session: Session, program: Program, actor: Actor, what: str) -> None:
    """Raise NotAllowed unless the actor is enablement of the program (`what`: the refused
    thing, in words)."""
    if not is_enablement(session=session, program=program, actor=actor):
        raise NotAllowed(f"Only the program's enablement team and admins {what}.")
