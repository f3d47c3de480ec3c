"""A throwaway PostgreSQL database: made with a unique name, dropped on exit. The tests and the
benchmarks each work in one, so runs side by side never share tables."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlalchemy.engine import make_url

from db.session import make_engine


@contextmanager
def scratch_postgres_database(server_url: str, *, prefix: str) -> Iterator[str]:
    """A new, empty database on the server at `server_url`, named `prefix` and a random suffix,
    dropped on exit; yields its URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = make_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
