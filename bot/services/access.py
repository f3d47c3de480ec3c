"""Who the caller is in kickoff-bot: their memberships and roles, and who counts as an admin."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from db.models import Membership, Person, Program, Role


@dataclass(frozen=True)
class Caller:
    """The Slack user behind a request, as Slack describes them."""

    slack_user_id: str
    email: str | None
    is_workspace_admin: bool


def is_kickoff_admin(caller: Caller, kickoff_admins: Iterable[str]) -> bool:
    """KICKOFF_ADMINS (by id or email) and Slack workspace admins and owners may set things up."""
    listed = {entry.lower() for entry in kickoff_admins}
    by_email = caller.email is not None and caller.email.lower() in listed
    return caller.is_workspace_admin or caller.slack_user_id.lower() in listed or by_email


def memberships_of(*, session: Session, slack_user_id: str) -> list[Membership]:
    """The caller's active memberships, with their programs, newest kickoff first."""
    query = (
        select(Membership)
        .join(Membership.person)
        .join(Membership.program)
        .where(Person.slack_user_id == slack_user_id, Membership.active.is_(True))
        .options(joinedload(Membership.program), joinedload(Membership.manager))
        .order_by(Program.kickoff_date.desc(), Program.id.desc())
    )
    return list(session.scalars(query))


def roles_of(*, session: Session, caller: Caller, kickoff_admins: Iterable[str]) -> frozenset[Role]:
    """Every role the caller holds in any program, plus admin for kickoff admins."""
    roles = {
        role
        for m in memberships_of(session=session, slack_user_id=caller.slack_user_id)
        for role in m.roles
    }
    if is_kickoff_admin(caller, kickoff_admins):
        roles.add(Role.ADMIN)
    return frozenset(roles)
