"""The one line each failure a person can fix is said in, when no live test can provoke it."""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import OperationalError

from bot.cli.failures import explain


def test_a_locked_database_says_to_wait() -> None:
    locked = OperationalError("UPDATE program", {}, sqlite3.OperationalError("database is locked"))

    assert explain(locked, None) == (
        "the database is locked by another process: try again when it is done; nothing was "
        "changed", 1)


def test_an_unreachable_postgresql_says_which_setting() -> None:
    refused = OperationalError("connect", {}, Exception(
        'connection failed: connection to server at "10.0.0.9", port 5432 failed: Connection '
        "refused\n\tIs the server running on that host?"))

    line, code = explain(refused, None) or ("", 0)

    assert line.startswith("cannot connect to the database (connection failed:")
    assert line.endswith("check DATABASE_URL; nothing was changed")
    assert code == 1


def test_a_bug_is_not_dressed_as_a_users_mistake() -> None:
    assert explain(ZeroDivisionError("division by zero"), None) is None
