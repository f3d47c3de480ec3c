"""Who is looking at the App Home: their person, active memberships and roles, admin or not."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.home import Viewer
from bot.services.actor import memberships_of
from db.models import Person, Workspace


def load_viewer(*, session: Session, slack_user_id: str, is_kickoff_admin: bool) -> Viewer:
    """The viewer's person and active memberships (a few queries). A deployment serves one
    workspace: someone kickoff-bot does not know yet sees it through its first one."""
    person = session.scalars(select(Person).where(Person.slack_user_id == slack_user_id)
                             .order_by(Person.id)).first()
    workspace_id = person.workspace_id if person is not None else session.scalar(
        select(Workspace.id).order_by(Workspace.id).limit(1))
    memberships = memberships_of(session=session, slack_user_id=slack_user_id) \
        if person is not None and person.active else []
    return Viewer(slack_user_id=slack_user_id, workspace_id=workspace_id, person=person,
                  memberships=memberships, is_kickoff_admin=is_kickoff_admin)
