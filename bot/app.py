"""App factory: a Bolt App with every listener, built on demand, never at import."""

from __future__ import annotations

import logging
from concurrent.futures import Executor, ThreadPoolExecutor

from slack_bolt import App
from slack_sdk import WebClient
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock, system_clock
from bot.deps import Deps, install_deps
from bot.events_once import install_events_once
from bot.features.registry import REGISTRY
from bot.logs import BOLT_APP_LOGGER
from bot.settings import Settings
from handlers.errors import Listeners, register_error_handler


class _SameTokenNotice(logging.Filter):
    """Drop Bolt's warning that the client's token wins over SLACK_BOT_TOKEN: they are the same."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


BOLT_LOG = logging.getLogger(BOLT_APP_LOGGER)
BOLT_LOG.addFilter(_SameTokenNotice())


def make_client(settings: Settings) -> WebClient:
    """A WebClient for the bot token, talking to SLACK_API_URL."""
    return WebClient(token=settings.bot_token(), base_url=settings.slack_api_url)


def listener_pool(settings: Settings) -> ThreadPoolExecutor:
    """The threads Bolt runs listeners on, LISTENER_THREADS of them."""
    return ThreadPoolExecutor(settings.listener_threads, thread_name_prefix="bolt-listener")


def create_app(
    settings: Settings,
    session_factory: sessionmaker[Session],
    *,
    client: WebClient | None = None,
    listener_executor: Executor | None = None,
    clock: Clock | None = None,
) -> App:
    """A Bolt App with every listener; it checks the token with auth.test once.

    Over HTTP, bot/web.py verifies every request before Bolt sees it; Socket Mode needs no
    signing secret, so the app is the same for both. Listeners run on LISTENER_THREADS threads
    (Bolt's own default of 5 makes a burst of clicks wait past Slack's 3 s for their ack while
    earlier listeners wait on Slack).
    """
    app = App(
        client=client or make_client(settings),
        # bot/web.py has verified the request already; Bolt's check would read the wall clock,
        # not ours, and logs the whole body of every request it refuses, at INFO.
        request_verification_enabled=False,
        # Tests pass their own to wait for listeners at teardown.
        listener_executor=listener_executor or listener_pool(settings),
        logger=BOLT_LOG,
    )
    deps = Deps(settings=settings, session_factory=session_factory, clock=clock or system_clock(),
                registry=REGISTRY)
    install_deps(app, deps)
    install_events_once(app)  # after install_deps: it uses the Deps
    REGISTRY.register_listeners(Listeners(app))  # each listener answering its own failures
    register_error_handler(app)
    return app
