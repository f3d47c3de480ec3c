"""Who may log coaching for a rep: the rep's manager, or an admin of the program."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.blocks.text import escape
from db.models import Membership, MembershipRole, Person, Role


@dataclass(frozen=True)
class Actor:
    """The person acting: their Slack id, and whether they are a kickoff admin (KICKOFF_ADMINS
    or a Slack workspace admin)."""

    slack_user_id: str
    is_kickoff_admin: bool = False


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


def may_log_for(*, session: Session, program_id: int, manager: Person, actor: Actor) -> bool:
    """Whether `actor` may log coaching that `manager` gives in this program."""
    if actor.slack_user_id == manager.slack_user_id:
        return True
    return is_program_admin(session=session, program_id=program_id, actor=actor)


def writes_notes(manager: Person, actor: Actor) -> bool:
    """Notes are the manager's and the rep's: an admin logging for a manager neither sees nor
    changes them."""
    return actor.slack_user_id == manager.slack_user_id


def refusal(rep: Person) -> str:
    """What someone who may not log for `rep` is told."""
    return (
        f"Only {escape(rep.name)}'s manager or a program admin can log coaching for them, "
        "so nothing was changed."
    )
