"""Coaching's policy: who may log coaching for a rep (the rep's manager, or an admin of the
program), and whose notes they see."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.blocks.text import escape
from bot.services.actor import Actor, is_program_admin
from db.models import Person


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
