"""Channel names for what a preview shows (`#kickoff-standups` rather than an id)."""

from __future__ import annotations

from collections.abc import Iterable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError


def channel_names(client: WebClient, channel_ids: Iterable[str]) -> dict[str, str]:
    """The names Slack gives the channels; a channel it will not name is left out (the preview
    then shows its id), so a preview works even where Slack cannot be reached."""
    names: dict[str, str] = {}
    for channel_id in dict.fromkeys(channel_ids):
        try:
            channel = client.conversations_info(channel=channel_id)["channel"]
        except (SlackApiError, SlackClientError, OSError):
            continue
        if channel.get("name"):
            names[channel_id] = str(channel["name"])
    return names
