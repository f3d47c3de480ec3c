"""Slack listeners, grouped by surface; `register_all` wires them onto an App."""

from slack_bolt import App

from handlers import commands


def register_all(app: App) -> None:
    """Register every listener kickoff-bot has."""
    commands.register(app)
