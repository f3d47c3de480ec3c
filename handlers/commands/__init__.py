"""The `/kickoff` slash command and its subcommands."""

from bot.ids import COMMAND
from handlers.commands.kickoff import handle_kickoff_command
from handlers.errors import Listeners


def register(app: Listeners) -> None:
    """Register the `/kickoff` command."""
    app.command(COMMAND)(handle_kickoff_command)
