"""Who is acting: the actor, resolved once per request from Slack's profile (one users.info)."""

from __future__ import annotations

from slack_sdk import WebClient

from bot.services.actor import Actor, actor_from_profile


def load_actor(client: WebClient, user_id: str, kickoff_admins: tuple[str, ...]) -> Actor:
    """The actor: their Slack id, and kickoff admin or not (by id, email or workspace role)."""
    user = client.users_info(user=user_id)["user"]
    return actor_from_profile(
        slack_user_id=user_id,
        email=user.get("profile", {}).get("email"),
        is_workspace_admin=bool(user.get("is_admin") or user.get("is_owner")),
        kickoff_admins=kickoff_admins,
    )
