"""The user directory the roster import asks: users.lookupByEmail and users.info one person at a
time for a small file, or the whole member list (users.list, as the daily people sync reads it)
for a large one, so a file of 20,000 rows costs about 100 calls, not 20,000."""

from __future__ import annotations

from collections.abc import Callable, Iterable
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


PAGE_SIZE = 200  # Slack recommends no more than 200 members per users.list page
BULK_FROM = 100  # rows from which reading the whole member list beats one lookup per row


class ListedDirectory:
    """The workspace's member list, read once, looked up in memory."""

    def __init__(self, users: Iterable[DirectoryUser]) -> None:
        self._by_id: dict[str, DirectoryUser] = {}
        self._by_email: dict[str, DirectoryUser] = {}
        for user in users:
            self._by_id[user.id] = user
            if user.email:
                self._by_email[user.email.lower()] = user

    def find_by_email(self, email: str) -> DirectoryUser | None:
        """The member with this email (any case), if listed."""
        return self._by_email.get(email.lower())

    def find_by_id(self, user_id: str) -> DirectoryUser | None:
        """The member with this id, if listed."""
        return self._by_id.get(user_id)


def list_members(
    client: WebClient, *, on_page: Callable[[int], None] | None = None
) -> list[DirectoryUser]:
    """Every member of the workspace, deleted ones included, following users.list's cursor;
    `on_page` hears how many members have been read after each page."""
    members: list[DirectoryUser] = []
    for page in client.users_list(limit=PAGE_SIZE):
        members += [directory_user(member) for member in page.get("members", [])]
        if on_page is not None:
            on_page(len(members))
    return members


def roster_directory(
    client: WebClient, content: bytes, *, on_page: Callable[[int], None] | None = None
) -> SlackDirectory | ListedDirectory:
    """The directory for the roster file `content`: per-row lookups for a small file, the whole
    member list, read now, for a large one."""
    return member_directory(client, roster_lines(content), on_page=on_page)


def member_directory(
    client: WebClient, people: int, *, on_page: Callable[[int], None] | None = None
) -> SlackDirectory | ListedDirectory:
    """The directory for looking up `people` members: users.info each for a few, the whole
    member list (users.list, read now) for many."""
    if people < BULK_FROM:
        return SlackDirectory(client)
    return ListedDirectory(list_members(client, on_page=on_page))


def roster_lines(content: bytes) -> int:
    """About how many rows a roster file has (its lines after the header)."""
    return max(len(content.splitlines()) - 1, 0)


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
