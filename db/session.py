"""Engines and session factories for SQLite (default) and PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.engine.default import DefaultDialect
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool


def make_engine(
    url: str, *, pool_size: int | None = None, max_overflow: int = 0, **kwargs: Any
) -> Engine:
    """An engine for `url`; SQLite gets foreign keys, WAL and a busy timeout.

    `pool_size` connections are kept open and `max_overflow` more are opened under load, where
    the database has such a pool (an in-memory SQLite database has one connection per thread).
    """
    if pool_size is not None and _queue_pooled(url):
        kwargs |= {"pool_size": pool_size, "max_overflow": max_overflow}
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _tune_sqlite)
    return engine


def _queue_pooled(url: str) -> bool:
    parsed = make_url(url)
    dialect = parsed.get_dialect()
    # Every dialect derives from DefaultDialect, which alone declares the pool class it picks.
    return issubclass(dialect, DefaultDialect) and issubclass(
        dialect.get_pool_class(parsed), QueuePool
    )


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # Several threads (HTTP handlers, the dispatcher) write; WAL and a busy timeout let them wait
    # for each other instead of failing with "database is locked".
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """The session factory the app, the CLI and the scheduler open units of work with."""
    return sessionmaker(engine, expire_on_commit=False)
