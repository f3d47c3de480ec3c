"""App factory: a Bolt App with every listener, built on demand, never at import."""

from __future__ import annotations

import logging

from slack_bolt import App
from slack_sdk import WebClient
from sqlalchemy.orm import Session, sessionmaker

from bot.deps import Deps, install_deps
from bot.errors import register_error_handler
from bot.settings import Settings
from handlers import register_all


def make_client(settings: Settings) -> WebClient:
    """A WebClient for the bot token, talking to SLACK_API_URL."""
    return WebClient(token=settings.bot_token(), base_url=settings.slack_api_url)


def create_app(
    settings: Settings, session_factory: sessionmaker[Session], *, client: WebClient | None = None
) -> App:
    """A Bolt App (HTTP mode) with every listener; it checks the token with auth.test once."""
    app = App(
        client=client or make_client(settings),
        signing_secret=settings.signing_secret(),
        logger=logging.getLogger("kickoff.bolt"),
    )
    install_deps(app, Deps(settings=settings, session_factory=session_factory))
    register_error_handler(app)
    register_all(app)
    return app
