"""Who writes a commitment: the managers coaching active reps of a program."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.services.coaching.occurrences import active_pairs
from db.models import Person


def coaching_managers(*, session: Session, program_id: int) -> list[Person]:
    """The active managers of the program's active reps, by name."""
    ids = {pair.manager_id for pair in active_pairs(session=session, program_id=program_id)}
    if not ids:
        return []
    query = select(Person).where(Person.id.in_(ids), Person.active.is_(True))
    return list(session.scalars(query.order_by(Person.name, Person.id)))


def coaching_manager(*, session: Session, program_id: int, slack_user_id: str) -> Person | None:
    """The manager with this Slack id, if they coach active reps of the program."""
    return next((manager for manager in coaching_managers(session=session, program_id=program_id)
                 if manager.slack_user_id == slack_user_id), None)
