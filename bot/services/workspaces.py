"""The one Slack workspace a deployment serves."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Workspace


def ensure_workspace(*, session: Session, team_id: str, name: str) -> Workspace:
    """The workspace row for `team_id`, created on first sight."""
    workspace = session.scalars(select(Workspace).where(Workspace.team_id == team_id)).first()
    if workspace is None:
        workspace = Workspace(team_id=team_id, name=name)
        session.add(workspace)
        session.flush()
    return workspace
