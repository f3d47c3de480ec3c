"""Who is who: names by Slack user id (what a preview needs to show a mention) and by person id
(what a report needs to name the people it counted)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Person


def people_names(*, session: Session, workspace_id: int) -> dict[str, str]:
    """Each known person's name by Slack user id."""
    rows = session.execute(select(Person.slack_user_id, Person.name)
                           .where(Person.workspace_id == workspace_id))
    return {slack_id: name or slack_id for slack_id, name in rows}


def names_by_id(session: Session, person_ids: Iterable[int]) -> dict[int, str]:
    """The names of these people, by person id (no query for none)."""
    wanted = list(person_ids)
    if not wanted:
        return {}
    # .all(): dict() would read a Result itself as a mapping, through its keys()
    return dict(session.execute(select(Person.id, Person.name).where(Person.id.in_(wanted)))
                .all())
