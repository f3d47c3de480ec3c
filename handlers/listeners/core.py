"""Listeners every feature relies on: the `/kickoff` command and the people sync."""

from bot.ids import COMMAND
from handlers.commands.kickoff import handle_kickoff_command
from handlers.errors import Listeners
from handlers.events.user_change import handle_user_change_event


def register(app: Listeners) -> None:
    """`/kickoff` (routed to each subcommand) and the `user_change` event."""
    app.command(COMMAND)(handle_kickoff_command)
    app.event("user_change")(handle_user_change_event)
