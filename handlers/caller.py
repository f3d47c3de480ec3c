"""Who is acting: the caller as Slack describes them (one users.info call)."""

from __future__ import annotations

from slack_sdk import WebClient

from bot.services.access import Caller, is_kickoff_admin
from bot.services.coaching.authority import Actor


def load_caller(client: WebClient, user_id: str) -> Caller:
    """The caller's email and workspace-admin flag, read from Slack."""
    user = client.users_info(user=user_id)["user"]
    return Caller(
        slack_user_id=user_id,
        email=user.get("profile", {}).get("email"),
        is_workspace_admin=bool(user.get("is_admin") or user.get("is_owner")),
    )


def load_actor(client: WebClient, user_id: str, kickoff_admins: tuple[str, ...]) -> Actor:
    """The caller as the coaching rules see them: their Slack id, and kickoff admin or not."""
    caller = load_caller(client, user_id)
    return Actor(slack_user_id=user_id, is_kickoff_admin=is_kickoff_admin(caller, kickoff_admins))
