"""The user directory roster imports ask from Slack listeners: waiting out rate limits."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
)

from bot.slack.directory import ListedDirectory, SlackDirectory, roster_directory


def rate_limited_directory(client: WebClient, content: bytes) -> SlackDirectory | ListedDirectory:
    """The directory for the roster file `content` (a large one: the whole member list, read
    now) on its own client that waits out HTTP 429 (users.lookupByEmail is Tier 3, about 50
    calls a minute; users.list Tier 2), leaving the app's shared client as it is."""
    own = WebClient(token=client.token, base_url=client.base_url, retry_handlers=[
        ConnectionErrorRetryHandler(), RateLimitErrorRetryHandler(max_retry_count=5)])
    return roster_directory(own, content)
