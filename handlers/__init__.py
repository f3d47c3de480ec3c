"""Slack listeners, grouped by surface; `register_all` wires them onto an App."""

from slack_bolt import App

from handlers import actions, commands, events, views
from handlers.errors import Listeners, register_error_handler


def register_all(app: App) -> None:
    """Register every listener kickoff-bot has, each answering its own failures."""
    listeners = Listeners(app)
    commands.register(listeners)
    events.register(listeners)
    actions.register(listeners)
    views.register(listeners)
    register_error_handler(app)
