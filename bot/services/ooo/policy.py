"""Out of office's policy: who may set someone's days (the person themselves, their manager, an
admin of a program they are in, or a kickoff admin)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.services.actor import Actor
from db.models import Membership, MembershipRole, Person, Role

REFUSAL = ("You can set out of office for yourself, for the reps you manage, or (as an admin) "
           "for anyone in your programs.")


def may_set_for(*, session: Session, actor: Actor, target: Person) -> bool:
    """The person themselves, a kickoff admin, their manager in an active membership, or an
    admin of a program they are in."""
    if actor.is_kickoff_admin or actor.slack_user_id == target.slack_user_id:
        return True
    manager = select(Membership.id).join(Person, Person.id == Membership.manager_id).where(
        Membership.person_id == target.id, Membership.active.is_(True),
        Person.slack_user_id == actor.slack_user_id)
    if session.scalars(manager).first() is not None:
        return True
    their_programs = select(Membership.program_id).where(
        Membership.person_id == target.id, Membership.active.is_(True))
    admin = (select(Membership.id).join(Person, Person.id == Membership.person_id)
             .join(MembershipRole, MembershipRole.membership_id == Membership.id)
             .where(Person.slack_user_id == actor.slack_user_id, Membership.active.is_(True),
                    MembershipRole.role == Role.ADMIN,
                    Membership.program_id.in_(their_programs)))
    return session.scalars(admin).first() is not None
