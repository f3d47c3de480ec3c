"""The `/kickoff` slash command and its subcommands."""

from slack_bolt import App

from bot.ids import COMMAND
from handlers.commands.kickoff import handle_kickoff_command


def register(app: App) -> None:
    """Register the `/kickoff` command."""
    app.command(COMMAND)(handle_kickoff_command)
