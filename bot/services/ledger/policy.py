"""Who may record decisions on a read-out: the program's leaders, enablement and admins (and
kickoff admins)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.errors import NotAllowed, NotFound
from bot.services.actor import Actor
from db.models import Membership, Person, Program, Role

DECIDERS = frozenset({Role.LEADER, Role.ENABLEMENT, Role.ADMIN})
REFUSAL = ("Decisions on the read-out are recorded by the program's leaders, enablement and "
           "admins, so you cannot record one.")


def deciding_program(*, session: Session, actor: Actor, program_id: int) -> Program:
    """The program, if the actor may record its decisions; otherwise NotAllowed or NotFound."""
    program = session.get(Program, program_id)
    if program is None:
        raise NotFound("That program no longer exists.")
    if actor.is_kickoff_admin:
        return program
    membership = session.scalars(
        select(Membership).join(Person, Person.id == Membership.person_id).where(
            Membership.program_id == program_id, Membership.active.is_(True),
            Person.slack_user_id == actor.slack_user_id)
    ).first()
    if membership is None or not membership.roles & DECIDERS:
        raise NotAllowed(REFUSAL)
    return program
