"""A roster CSV uploaded in Slack: acknowledged at once, imported by the shell's service, the
result (or the all-or-nothing report) by DM, word for word what the shell prints."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.fakeslack import FakeSlack, SignedSender
from db.models import ProgramStatus
from tests.databases import Database
from tests.factories import make_program, make_workspace
from tests.handlers.roster_support import add_people, members_of, next_dm, shell_import, upload

ROSTER = b"""\xef\xbb\xbfemail;role;manager;team
ana@example.com;manager;;EMEA
ben@example.com;rep;ana@example.com;EMEA
cai@example.com;rep|enablement;ana@example.com;EMEA
"""
BAD = b"""email,role,manager
ana@example.com,manager,
ben@example.com,rep,
<!channel>@example.com,rep,ana@example.com
cai@example.com,coach,ana@example.com
"""


@pytest.fixture
def programs(database: Database, fake_slack: FakeSlack) -> tuple[int, int]:
    """Two draft programs: one filled from Slack, one from the shell."""
    add_people(fake_slack)
    with database.session_factory.begin() as session:
        workspace = make_workspace(session)
        slack_one = make_program(session, workspace, name="Slack Kickoff",
                                 status=ProgramStatus.DRAFT)
        shell_one = make_program(session, workspace, name="Shell Kickoff",
                                 status=ProgramStatus.DRAFT)
        return slack_one.id, shell_one.id


def test_an_upload_gives_the_shells_result_and_a_second_one_changes_nothing(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, programs: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    in_slack, in_shell = programs
    answer = upload(slack, in_slack, ROSTER)
    assert answer["response_action"] == "update"  # acknowledged before the import ran
    told = next_dm(fake_slack, "UADMIN", 1)
    code, out, _ = shell_import(monkeypatch, tmp_path, capsys, fake_slack, database,
                                "Shell Kickoff", ROSTER)
    assert code == 0
    assert told + "\n" == out.replace("Shell Kickoff", "Slack Kickoff")
    assert told == ("roster of 'Slack Kickoff' imported: 3 added, 0 updated, 0 reactivated, "
                    "0 deactivated, 0 unchanged")
    assert members_of(database, in_slack) == members_of(database, in_shell)
    upload(slack, in_slack, ROSTER)
    assert next_dm(fake_slack, "UADMIN", 2).endswith(
        "0 added, 0 updated, 0 reactivated, 0 deactivated, 3 unchanged")
    assert members_of(database, in_slack) == members_of(database, in_shell)


def test_a_bad_file_gets_the_shells_report_escaped_and_changes_nothing(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, programs: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    in_slack, _ = programs
    upload(slack, in_slack, BAD)
    channel = fake_slack.dm_channel("UADMIN")
    told = next_dm(fake_slack, "UADMIN", 1)
    assert "&lt;!channel&gt;@example.com" in fake_slack.messages(channel)[0]["text"]
    code, _, err = shell_import(monkeypatch, tmp_path, capsys, fake_slack, database,
                                "Slack Kickoff", BAD)
    assert code == 1
    assert err == f"kickoff-bot: {told}\n"
    assert told.splitlines()[1:] == [
        "line 3: a rep needs a manager",
        "line 4: no Slack user has the email <!channel>@example.com",
        "line 5: unknown role 'coach' (roles are rep, manager, enablement, leader, admin)",
    ]
    assert members_of(database, in_slack) == set()


def test_someone_who_is_not_an_admin_imports_nothing(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, programs: tuple[int, int]
) -> None:
    in_slack, _ = programs
    upload(slack, in_slack, ROSTER, user_id="UBEN")
    told = next_dm(fake_slack, "UBEN", 1)
    assert "Only a kickoff admin can set up programs" in told
    assert members_of(database, in_slack) == set()
