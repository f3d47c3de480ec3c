"""Program setup's policy: who may set programs (and their rosters) up in Slack. Kickoff admins
(KICKOFF_ADMINS, Slack workspace admins and owners) for every program; a member with the admin
role for the programs they administer."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.errors import NotAllowed, NotFound
from bot.services.actor import Actor, is_program_admin
from db.models import Membership, MembershipRole, Person, Program, Role

REFUSAL = ("Only a kickoff admin can set up programs, so nothing was changed. Ask whoever "
           "runs kickoff-bot here (KICKOFF_ADMINS, or a workspace admin).")
GONE = "That program no longer exists."


def ensure_may_create(*, session: Session, actor: Actor) -> None:
    """Raise NotAllowed unless `actor` may create programs."""
    if not may_create(session=session, actor=actor):
        raise NotAllowed(REFUSAL)


def may_create(*, session: Session, actor: Actor) -> bool:
    """Kickoff admins, and admins of any program, may create programs."""
    if actor.is_kickoff_admin:
        return True
    query = (
        select(Membership.id)
        .join(Person, Person.id == Membership.person_id)
        .join(MembershipRole, MembershipRole.membership_id == Membership.id)
        .where(Person.slack_user_id == actor.slack_user_id, Membership.active.is_(True),
               MembershipRole.role == Role.ADMIN)
    )
    return session.scalars(query).first() is not None


def administered_program(*, session: Session, program_id: int, actor: Actor) -> Program:
    """The program, if `actor` may administer it (else NotFound or NotAllowed)."""
    program = session.get(Program, program_id)
    if program is None:
        raise NotFound(GONE)
    if not is_program_admin(session=session, program_id=program.id, actor=actor):
        raise NotAllowed(REFUSAL)
    return program


def program_to_edit(*, session: Session, program_id: int, actor: Actor) -> Program | str:
    """The program if `actor` may edit it, else why not (said in the modal, not raised)."""
    program = session.get(Program, program_id)
    if program is None:
        return GONE
    return program if is_program_admin(session=session, program_id=program.id,
                                       actor=actor) else REFUSAL
