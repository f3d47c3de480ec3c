"""People added to a running program (a shell import, an App Home upload, a channel sync) get
launch's welcome once, at the start of their own working window; importing again welcomes no
one."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.clock import SystemClock
from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import CallbackId
from scheduler.dispatcher import Dispatcher
from tests.databases import Database
from tests.factories import make_program, make_workspace
from tests.handlers.roster_support import next_dm, shell_import, upload

PROGRAM = "Q1 Kickoff"
ROSTER = b"""email,role,manager
ana@example.com,manager,
ben@example.com,rep,ana@example.com
"""
# Wednesday 15:00 UTC: 11:00 for Ana in New York, 20:30 for Ben in Kolkata (after his day).
ADDED_AT = datetime(2027, 3, 17, 15, 0, tzinfo=UTC)
BENS_MORNING = datetime(2027, 3, 18, 2, 30, tzinfo=UTC)  # Thursday 08:00 in Kolkata


@pytest.fixture
def program_id(database: Database, fake_slack: FakeSlack, clock: SystemClock) -> int:
    """A program two days into its 30, with no one in it yet; the clock at ADDED_AT."""
    fake_slack.add_user("UADMIN", real_name="Ada Admin", email="ada@example.com")
    fake_slack.add_user("UANA", real_name="Ana", email="ana@example.com", tz="America/New_York")
    fake_slack.add_user("UBEN", real_name="Ben", email="ben@example.com", tz="Asia/Kolkata")
    clock.move_to(ADDED_AT)
    with database.session_factory.begin() as session:
        program = make_program(session, make_workspace(session), name=PROGRAM,
                               kickoff_date=date(2027, 3, 15), timezone="America/New_York")
        return program.id


def welcomes(fake: FakeSlack, user_id: str) -> list[dict[str, Any]]:
    """The welcome DMs the user got."""
    return [m for m in fake.messages(fake.dm_channel(user_id))
            if m["text"].startswith(f"{PROGRAM} is live")]


def assert_welcomed_in_working_hours(fake: FakeSlack, dispatcher: Dispatcher) -> None:
    """Ana (in her working hours) is welcomed at once; Ben at the start of his next day."""
    dispatcher.tick(now=dispatcher.clock.now())  # just after the import
    assert (len(welcomes(fake, "UANA")), len(welcomes(fake, "UBEN"))) == (1, 0)
    dispatcher.tick(now=BENS_MORNING - timedelta(minutes=1))
    assert len(welcomes(fake, "UBEN")) == 0
    dispatcher.tick(now=BENS_MORNING)
    assert (len(welcomes(fake, "UANA")), len(welcomes(fake, "UBEN"))) == (1, 1)
    assert "Week 1: a daily standup" in str(welcomes(fake, "UBEN")[0]["blocks"])


def test_a_shell_import_welcomes_newcomers_once_in_their_hours(
    fake_slack: FakeSlack, database: Database, dispatcher: Dispatcher, program_id: int,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = shell_import(monkeypatch, tmp_path, capsys, fake_slack, database, PROGRAM,
                                ROSTER)
    assert (code, out) == (0, "roster of 'Q1 Kickoff' imported: 2 added, 0 updated, "
                              "0 reactivated, 0 deactivated, 0 unchanged; "
                              "2 welcome DM(s) queued\n")
    assert_welcomed_in_working_hours(fake_slack, dispatcher)

    code, out, _ = shell_import(monkeypatch, tmp_path, capsys, fake_slack, database, PROGRAM,
                                ROSTER)
    assert (code, out.endswith("2 unchanged\n")) == (0, True)
    dispatcher.tick(now=BENS_MORNING)
    assert (len(welcomes(fake_slack, "UANA")), len(welcomes(fake_slack, "UBEN"))) == (1, 1)


def test_an_app_home_upload_welcomes_newcomers_once_in_their_hours(
    slack: SignedSender, fake_slack: FakeSlack, dispatcher: Dispatcher, program_id: int
) -> None:
    upload(slack, program_id, ROSTER)
    assert next_dm(fake_slack, "UADMIN", 1).endswith("0 unchanged; 2 welcome DM(s) queued")
    assert_welcomed_in_working_hours(fake_slack, dispatcher)

    upload(slack, program_id, ROSTER)
    assert next_dm(fake_slack, "UADMIN", 2).endswith("0 deactivated, 2 unchanged")
    dispatcher.tick(now=BENS_MORNING)
    assert (len(welcomes(fake_slack, "UANA")), len(welcomes(fake_slack, "UBEN"))) == (1, 1)


def test_a_channel_sync_welcomes_newcomers_once_in_their_hours(
    slack: SignedSender, fake_slack: FakeSlack, dispatcher: Dispatcher, program_id: int
) -> None:
    fake_slack.add_channel("CSALES", "sales", members=["UBEN"])
    upload(slack, program_id, ROSTER, callback=CallbackId.ROSTER_SYNC, channel="CSALES")
    assert "2 added" in next_dm(fake_slack, "UADMIN", 1)
    assert_welcomed_in_working_hours(fake_slack, dispatcher)

    upload(slack, program_id, ROSTER, callback=CallbackId.ROSTER_SYNC, channel="CSALES")
    assert "2 unchanged" in next_dm(fake_slack, "UADMIN", 2)
    dispatcher.tick(now=BENS_MORNING)
    assert (len(welcomes(fake_slack, "UANA")), len(welcomes(fake_slack, "UBEN"))) == (1, 1)
