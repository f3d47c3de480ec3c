"""Test databases: a SQLite file per test, and a throwaway PostgreSQL database per test session."""

from __future__ import annotations

import os
from contextlib import AbstractContextManager
from dataclasses import dataclass

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from db.base import Base
from db.scratch import scratch_postgres_database
from db.session import make_engine, make_session_factory

PG_SERVER_URL = os.environ.get(
    "KICKOFF_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


@dataclass(frozen=True)
class Database:
    """One test database: its URL, an engine on it, and sessions."""

    url: str
    engine: Engine
    session_factory: sessionmaker[Session]


def postgres_reachable() -> bool:
    """Whether the test PostgreSQL server answers."""
    engine = make_engine(PG_SERVER_URL)
    try:
        with engine.connect():
            return True
    except OperationalError:
        return False
    finally:
        engine.dispose()


def postgres_database() -> AbstractContextManager[str]:
    """A new, empty PostgreSQL database, dropped on exit; yields its URL."""
    return scratch_postgres_database(PG_SERVER_URL, prefix="kickoff_test")


def open_database(url: str, *, create_schema: bool = True) -> Database:
    """A Database on `url`, with the models' tables created when asked."""
    engine = make_engine(url)
    if create_schema:
        Base.metadata.create_all(engine)
    return Database(url=url, engine=engine, session_factory=make_session_factory(engine))


def empty_all_tables(database: Database) -> None:
    """Remove every row (PostgreSQL databases are shared by the tests of one session)."""
    names = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
    with database.engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
