"""A shell as the README sets it up, for the operator's-shell tests: the environment pointing at
the fake Slack and the test database, a program, and how a refusal must look."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.cli import main
from bot.clock import SystemClock
from bot.fakeslack import FakeSlack
from db.base import Base
from tests.databases import Database

PROGRAM = "Q1 Kickoff"
KICKOFF = date(2027, 3, 15)  # a Monday
NOW = datetime(2027, 3, 8, 10, tzinfo=UTC)  # where the shell stands: a week before the kickoff
PEOPLE = (("UANA", "Ana Lima", "ana@example.com"), ("UBEN", "Ben Ode", "ben@example.com"),
          ("UCAI", "Cai Wu", "cai@example.com"))
ROSTER = """\
email,role,manager,team
ana@example.com,manager,,EMEA
ben@example.com,rep,ana@example.com,EMEA
cai@example.com,rep,ana@example.com,EMEA
"""
UNREACHABLE = "http://127.0.0.1:9/api/"  # the discard port: nothing listens there


@dataclass(frozen=True)
class Shell:
    """The working folder, the fake Slack and the database the commands use."""

    folder: Path
    slack: FakeSlack
    database: Database

    def write(self, text: str, name: str = "roster.csv") -> str:
        """Save `text` in the working folder; its path."""
        path = self.folder / name
        path.write_text(text, encoding="utf-8")
        return str(path)


def shell_environment(
    monkeypatch: pytest.MonkeyPatch, folder: Path, fake: FakeSlack, database: Database
) -> None:
    """Commands run in `folder` (no stray .env) against the fake Slack and the test database."""
    monkeypatch.chdir(folder)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-fake")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "test-signing-secret")
    monkeypatch.setenv("SLACK_API_URL", fake.api_url)
    monkeypatch.setenv("DATABASE_URL", database.url)


def open_shell(
    monkeypatch: pytest.MonkeyPatch, folder: Path, fake: FakeSlack, database: Database,
    clock: SystemClock,
) -> Shell:
    """The environment of the commands, the channels and people of the workspace."""
    clock.move_to(NOW)
    shell_environment(monkeypatch, folder, fake, database)
    fake.add_channel("CSTANDUP", "kickoff-standups")
    fake.add_channel("CAUDIT", "kickoff-audit")
    for user_id, name, email in PEOPLE:
        fake.add_user(user_id, real_name=name, email=email)
    return Shell(folder, fake, database)


def create_program(name: str = PROGRAM, *extra: str) -> None:
    """`program create` with the shell's channels, kickoff a week ahead."""
    assert main(["program", "create", "--name", name, "--kickoff-date", KICKOFF.isoformat(),
                 "--standup-channel", "CSTANDUP", "--audit-channel", "CAUDIT", *extra]) == 0


def refusal(capsys: pytest.CaptureFixture[str]) -> str:
    """The one line a refused command wrote (nothing on stdout, no traceback)."""
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Traceback" not in captured.err
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    return lines[0]


def row_counts(database: Database) -> dict[str, int]:
    """Rows in every table, to show that a refused command changed nothing."""
    with database.session_factory() as session:
        return {name: session.scalar(select(func.count()).select_from(table)) or 0
                for name, table in Base.metadata.tables.items()}
