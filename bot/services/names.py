"""Who is who in a workspace, by Slack user id: what a preview needs to show a mention."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Person


def people_names(*, session: Session, workspace_id: int) -> dict[str, str]:
    """Each known person's name by Slack user id."""
    rows = session.execute(select(Person.slack_user_id, Person.name)
                           .where(Person.workspace_id == workspace_id))
    return {slack_id: name or slack_id for slack_id, name in rows}
