"""Roster tests' shared parts: people Slack knows, a file shared in a modal, the shell."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bot.cli import main
from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import CallbackId, SetupField
from db.models import Membership
from tests.databases import Database

Json = dict[str, Any]
PEOPLE = {"UANA": "ana", "UBEN": "ben", "UCAI": "cai", "UDEV": "dev"}


def add_people(fake: FakeSlack) -> None:
    """The people the roster files name, and the admin who uploads them."""
    fake.add_user("UADMIN", real_name="Ada Admin", email="ada@example.com")
    for user_id, name in PEOPLE.items():
        fake.add_user(user_id, real_name=name.title(), email=f"{name}@example.com")


def upload(
    slack: SignedSender, program_id: int, content: bytes, *, callback: CallbackId =
    CallbackId.ROSTER_UPLOAD, channel: str | None = None, user_id: str = "UADMIN",
) -> Json:
    """Share `content` in the roster modal and submit it; returns the app's answer."""
    shared = slack.fake.add_file(user=user_id, name="roster.csv", content=content)
    values: dict[str, Json] = {
        SetupField.ROSTER_FILE: {SetupField.ROSTER_FILE: {"type": "file_input", "files": [shared]}}
    }
    if channel is not None:
        values[SetupField.SYNC_CHANNEL] = {SetupField.SYNC_CHANNEL: {
            "type": "conversations_select", "selected_conversation": channel}}
    response = slack.view_submission(user_id=user_id, callback_id=callback, values=values,
                                     private_metadata=json.dumps({"program": program_id}))
    assert response.status == 200
    return response.json or {}


def next_dm(fake: FakeSlack, user_id: str, count: int) -> str:
    """The text of the `count`-th DM the user gets, unescaped as Slack shows it."""
    channel = fake.dm_channel(user_id)
    fake.wait_for(lambda: len(fake.messages(channel)) >= count)
    return html.unescape(fake.messages(channel)[count - 1]["text"])


def shell_import(
    monkeypatch: pytest.MonkeyPatch, folder: Path, capsys: pytest.CaptureFixture[str],
    fake: FakeSlack, database: Database, program: str, content: bytes,
) -> tuple[int, str, str]:
    """`kickoff-bot roster import PROGRAM FILE.csv`: exit code, stdout, stderr."""
    monkeypatch.chdir(folder)
    for name, value in (("SLACK_BOT_TOKEN", "xoxb-fake"), ("SLACK_SIGNING_SECRET", "s"),
                        ("SLACK_API_URL", fake.api_url), ("DATABASE_URL", database.url)):
        monkeypatch.setenv(name, value)
    path = folder / "roster.csv"
    path.write_bytes(content)
    capsys.readouterr()
    code = main(["roster", "import", program, str(path)])
    printed = capsys.readouterr()
    return code, printed.out, printed.err


def members_of(database: Database, program_id: int) -> set[tuple[str, str, str | None, bool]]:
    """(Slack id, roles, manager's Slack id, active) of every member of the program."""
    with database.session_factory() as session:
        rows = session.scalars(select(Membership).where(Membership.program_id == program_id))
        return {(m.person.slack_user_id, "|".join(sorted(m.roles)),
                 m.manager.slack_user_id if m.manager else None, m.active) for m in rows}
