"""The actor: who is behind a request (their Slack id, and kickoff admin or not), resolved once
per request, and the memberships and roles they hold; every feature's policy asks about them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from db.models import Membership, MembershipRole, Person, Program, Role


@dataclass(frozen=True)
class Actor:
    """The person acting: their Slack id, and whether they are a kickoff admin (KICKOFF_ADMINS
    or a Slack workspace admin)."""

    slack_user_id: str
    is_kickoff_admin: bool = False


def actor_from_profile(
    *, slack_user_id: str, email: str | None, is_workspace_admin: bool,
    kickoff_admins: Iterable[str],
) -> Actor:
    """The actor Slack describes: KICKOFF_ADMINS (by id or email) and Slack workspace admins and
    owners are kickoff admins."""
    listed = {entry.lower() for entry in kickoff_admins}
    by_email = email is not None and email.lower() in listed
    admin = is_workspace_admin or slack_user_id.lower() in listed or by_email
    return Actor(slack_user_id=slack_user_id, is_kickoff_admin=admin)


def memberships_of(*, session: Session, slack_user_id: str) -> list[Membership]:
    """The person's active memberships, with their programs, newest kickoff first."""
    query = (
        select(Membership)
        .join(Membership.person)
        .join(Membership.program)
        .where(Person.slack_user_id == slack_user_id, Membership.active.is_(True))
        .options(joinedload(Membership.program), joinedload(Membership.manager))
        .order_by(Program.kickoff_date.desc(), Program.id.desc())
    )
    return list(session.scalars(query))


def roles_of(*, session: Session, actor: Actor) -> frozenset[Role]:
    """Every role the actor holds in any program, plus admin for kickoff admins."""
    roles = {
        role
        for m in memberships_of(session=session, slack_user_id=actor.slack_user_id)
        for role in m.roles
    }
    if actor.is_kickoff_admin:
        roles.add(Role.ADMIN)
    return frozenset(roles)


def is_program_admin(*, session: Session, program_id: int, actor: Actor) -> bool:
    """Kickoff admins, and active members holding the admin role in this program."""
    if actor.is_kickoff_admin:
        return True
    query = (
        select(Membership.id)
        .join(Person, Person.id == Membership.person_id)
        .join(MembershipRole, MembershipRole.membership_id == Membership.id)
        .where(
            Membership.program_id == program_id, Membership.active.is_(True),
            Person.slack_user_id == actor.slack_user_id, MembershipRole.role == Role.ADMIN,
        )
    )
    return session.scalars(query).first() is not None
