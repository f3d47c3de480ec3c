"""The one line each failure a person can fix is said in, when no live test can provoke it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from bot.cli.failures import explain, read_bytes, read_text
from bot.errors import InvalidField, InvalidInput


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


def test_a_file_that_cannot_be_read_names_the_option_it_came_with(tmp_path: Path) -> None:
    with pytest.raises(InvalidField) as missing:
        read_text(tmp_path / "cert.yml", "--file")
    assert str(missing.value) == f"--file: cannot read {tmp_path / 'cert.yml'}: No such file or " \
        "directory"
    (tmp_path / "latin1.yml").write_bytes("name: Café".encode("latin-1"))
    with pytest.raises(InvalidField) as not_utf8:
        read_text(tmp_path / "latin1.yml", "--questions")
    assert str(not_utf8.value) == (f"--questions: {tmp_path / 'latin1.yml'} is not UTF-8 text "
                                   "(save it as UTF-8)")
    with pytest.raises(InvalidInput) as positional:
        read_bytes(tmp_path / "roster.csv")
    assert not isinstance(positional.value, InvalidField)
    assert str(positional.value).startswith("cannot read ")
