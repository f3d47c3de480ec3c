"""Who is acting: the caller as Slack describes them (one users.info call)."""

from __future__ import annotations

from slack_sdk import WebClient

from bot.services.access import Caller


def load_caller(client: WebClient, user_id: str) -> Caller:
    """The caller's email and workspace-admin flag, read from Slack."""
    user = client.users_info(user=user_id)["user"]
    return Caller(
        slack_user_id=user_id,
        email=user.get("profile", {}).get("email"),
        is_workspace_admin=bool(user.get("is_admin") or user.get("is_owner")),
    )
