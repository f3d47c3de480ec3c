"""`app_home_opened`: publish the viewer's home, built for their roles, each time they open it."""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.deps import deps_of
from handlers.home import publish_home


def handle_app_home_opened_event(
    event: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Publish the Home tab (the Messages tab needs nothing)."""
    if event.get("tab", "home") == "home":
        publish_home(client, deps_of(context), str(event["user"]))
