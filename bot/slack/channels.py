"""What kickoff-bot can do in a channel: post there (conversations.info), and who is in it
(conversations.members, users.info), people only."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.errors import InvalidInput
from bot.services.roster_checks import DirectoryUser
from bot.slack.directory import directory_user

BOT_NAME = "@kickoff-bot"  # the bot user's display name in app_manifest.yml


def posting_problem(client: WebClient, channel_id: str, *, then: str) -> str | None:
    """Why kickoff-bot cannot post in the channel, with how to fix it (`then`: what to do
    after the fix); None when it can."""
    try:
        channel = client.conversations_info(channel=channel_id)["channel"]
    except SlackApiError as exc:
        if exc.response.get("error") != "channel_not_found":
            raise
        return (f"kickoff-bot cannot see channel {channel_id}: if it is private, type "
                f"/invite {BOT_NAME} in it, then {then}.")
    name = channel.get("name") or channel_id
    if channel.get("is_archived"):
        return f"#{name} is archived; choose another channel."
    if not channel.get("is_member"):
        return f"kickoff-bot is not in #{name}: type /invite {BOT_NAME} in #{name}, then {then}."
    return None


def ensure_postable(client: WebClient, channels: Iterable[str], *, then: str) -> None:
    """Refuse, with each fix, channels kickoff-bot cannot post in (missing, archived, not
    joined; a private channel it is not in is one Slack says it cannot find)."""
    problems = [problem for channel in dict.fromkeys(channels)
                if (problem := posting_problem(client, channel, then=then))]
    if problems:
        raise InvalidInput(" ".join([*problems, "Nothing was changed."]))


def channel_member_ids(client: WebClient, channel_id: str) -> Iterator[str]:
    """Every member id of the channel, page by page."""
    cursor = None
    while True:
        page = client.conversations_members(channel=channel_id, cursor=cursor, limit=200)
        yield from page["members"]
        cursor = (page.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            return


def channel_people(client: WebClient, channel_id: str) -> tuple[list[DirectoryUser], int]:
    """The channel's people, and how many members were left out (bots, guests, deactivated)."""
    people: list[DirectoryUser] = []
    left_out = 0
    for user_id in channel_member_ids(client, channel_id):
        user = directory_user(client.users_info(user=user_id)["user"])
        if user.is_bot or user.is_guest or user.deleted:
            left_out += 1
        else:
            people.append(user)
    return people, left_out
