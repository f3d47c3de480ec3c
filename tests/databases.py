"""Test databases: a SQLite file per test, and a throwaway PostgreSQL database per test session."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from db.base import Base
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


@contextmanager
def postgres_database() -> Iterator[str]:
    """A new, empty PostgreSQL database, dropped on exit; yields its URL."""
    name = f"kickoff_test_{uuid.uuid4().hex[:12]}"
    admin = make_engine(PG_SERVER_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_SERVER_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


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
