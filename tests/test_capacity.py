"""What one process holds: listener threads, HTTP threads and database connections, sized together
from the settings (a burst of clicks must not queue for any of them)."""

from __future__ import annotations

import argparse
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import waitress
from sqlalchemy.pool import QueuePool

from bot.app import create_app
from bot.cli import serve
from bot.cli.runtime import Runtime
from bot.settings import DISPATCHER_CONNECTIONS, Settings

SIZES = {"listener_threads": 40, "http_threads": 12, "db_pool_size": 6}


@pytest.fixture
def sized(settings: Settings) -> Settings:
    """The test settings with sizes other than the defaults."""
    return settings.model_copy(update=SIZES)


def test_every_thread_can_hold_a_connection_by_default(sized: Settings) -> None:
    assert sized.db_pool_size + sized.db_overflow() == 40 + 12 + DISPATCHER_CONNECTIONS


def test_the_app_runs_listeners_on_listener_threads(sized: Settings) -> None:
    app = create_app(sized, Runtime(sized).session_factory)
    executor = app.listener_runner.listener_executor
    assert isinstance(executor, ThreadPoolExecutor)
    assert executor._max_workers == 40  # Bolt's own default is 5
    executor.shutdown()


def test_the_engine_pool_is_sized_from_the_settings(sized: Settings) -> None:
    engine = Runtime(sized).engine
    assert isinstance(engine.pool, QueuePool)
    assert engine.pool.size() == 6
    assert engine.pool._max_overflow == sized.db_overflow()
    engine.dispose()


def test_serve_gives_waitress_http_threads(
    sized: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}
    monkeypatch.setattr(waitress, "serve", lambda _wsgi, **options: seen.update(options))
    serve.run_serve(argparse.Namespace(host="127.0.0.1"), sized)
    assert seen["threads"] == 12
