"""`user_change`: keep a person's name, email, time zone and active flag in line with Slack."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import BoltContext
from sqlalchemy import select

from bot.deps import deps_of
from bot.services.people import ProfileOutcome, apply_slack_profile
from bot.slack.directory import directory_user
from db.models import Workspace

log = logging.getLogger(__name__)


def handle_user_change_event(event: dict[str, Any], context: BoltContext) -> None:
    """Apply the changed profile to the person it belongs to (someone unknown is ignored)."""
    user = directory_user(event["user"])
    with deps_of(context).session_factory.begin() as session:
        workspace_id = session.scalar(
            select(Workspace.id).where(Workspace.team_id == context.team_id)
        )
        if workspace_id is None:
            return
        outcome = apply_slack_profile(session=session, workspace_id=workspace_id, user=user)
    if outcome in (ProfileOutcome.DEACTIVATED, ProfileOutcome.REACTIVATED):
        log.info("Slack user %s %s", user.id, outcome.value)
