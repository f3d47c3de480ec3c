"""The user directory the roster import asks, backed by users.lookupByEmail and users.info."""

from __future__ import annotations

from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.services.roster_checks import DirectoryUser


class SlackDirectory:
    """Finds workspace members through the Web API; a member Slack does not know is None."""

    def __init__(self, client: WebClient) -> None:
        self._client = client

    def find_by_email(self, email: str) -> DirectoryUser | None:
        """users.lookupByEmail (needs the users:read.email scope)."""
        return self._find("users_not_found", self._client.users_lookupByEmail, email=email)

    def find_by_id(self, user_id: str) -> DirectoryUser | None:
        """users.info."""
        return self._find("user_not_found", self._client.users_info, user=user_id)

    @staticmethod
    def _find(not_found: str, method: Any, **params: str) -> DirectoryUser | None:
        try:
            response = method(**params)
        except SlackApiError as exc:
            if exc.response.get("error") == not_found:
                return None
            raise
        return directory_user(response["user"])


def directory_user(user: dict[str, Any]) -> DirectoryUser:
    """A Slack user object as a DirectoryUser; the name is the real name, else the display name."""
    profile: dict[str, Any] = user.get("profile") or {}
    name = (
        profile.get("real_name")
        or user.get("real_name")
        or profile.get("display_name")
        or user.get("name")
        or user["id"]
    )
    return DirectoryUser(
        id=user["id"],
        name=str(name),
        email=profile.get("email"),
        tz=user.get("tz") or None,
        is_bot=bool(user.get("is_bot")) or user["id"] == "USLACKBOT",
        deleted=bool(user.get("deleted")),
        is_guest=bool(user.get("is_restricted") or user.get("is_ultra_restricted")),
    )
