"""Previous / Next under a long coaching list in the manager's home."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.deps import deps_of
from bot.errors import InvalidInput
from handlers.home import refresh_home


def handle_home_page_action(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
    context: BoltContext,
) -> None:
    """Publish the home with the page asked for (value "program id:page")."""
    ack()
    program, _, page = str(action.get("value", "")).partition(":")
    if not (program.isdigit() and page.isdigit()):
        raise InvalidInput("That button is not from a kickoff-bot home.")
    refresh_home(client, deps_of(context), body["user"]["id"], pages={int(program): int(page)})
