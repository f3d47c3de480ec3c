"""`kickoff-bot roster import PROGRAM FILE.csv`, run as a shell user would."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.cli import main
from bot.clock import system_clock
from bot.fakeslack import FakeSlack
from db.models import Membership
from tests.cli.shell import shell_environment
from tests.databases import Database

PROGRAM = "Q1 Kickoff"
ROSTER = """\
email,role,manager,team
ana@example.com,manager,,EMEA
ben@example.com,rep,ana@example.com,EMEA
cai@example.com,rep,ana@example.com,EMEA
"""


@pytest.fixture
def shell(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_slack: FakeSlack, database: Database
) -> Path:
    """The environment of the command, a program to import into; returns a working folder."""
    shell_environment(monkeypatch, tmp_path, fake_slack, database)
    fake_slack.add_channel("CSTANDUP", "kickoff-standups")
    fake_slack.add_channel("CAUDIT", "kickoff-audit")
    for user_id, name in (("UANA", "ana"), ("UBEN", "ben"), ("UCAI", "cai")):
        fake_slack.add_user(user_id, real_name=name.title(), email=f"{name}@example.com")
    kickoff = (system_clock().now().date() + timedelta(days=7)).isoformat()
    assert main(["program", "create", "--name", PROGRAM, "--kickoff-date", kickoff,
                 "--standup-channel", "CSTANDUP", "--audit-channel", "CAUDIT"]) == 0
    return tmp_path


def write(folder: Path, text: str) -> str:
    """Save `text` as a roster file and return its path."""
    path = folder / "roster.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def active_members(database: Database) -> set[str]:
    """Slack ids of the program's active members."""
    with database.session_factory() as session:
        query = select(Membership).where(Membership.active.is_(True))
        return {m.person.slack_user_id for m in session.scalars(query)}


def test_help_explains_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["roster", "import", "--help"])

    out = capsys.readouterr().out
    assert exited.value.code == 0
    assert "usage: kickoff-bot roster import [-h] [--dry-run] PROGRAM FILE.csv" in out
    assert "rep, manager, enablement, leader or admin" in out
    assert '"line N: why"' in out


def test_import_prints_the_counts_and_a_later_file_deactivates(
    shell: Path, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()

    assert main(["roster", "import", PROGRAM, write(shell, ROSTER)]) == 0
    assert capsys.readouterr().out == (
        "roster of 'Q1 Kickoff' imported: "
        "3 added, 0 updated, 0 reactivated, 0 deactivated, 0 unchanged\n"
    )
    without_cai = ROSTER.replace("cai@example.com,rep,ana@example.com,EMEA\n", "")
    assert main(["roster", "import", "1", write(shell, without_cai)]) == 0
    assert capsys.readouterr().out == (
        "roster of 'Q1 Kickoff' imported: "
        "0 added, 0 updated, 0 reactivated, 1 deactivated, 2 unchanged\n"
    )
    assert active_members(database) == {"UANA", "UBEN"}


def test_a_bad_file_lists_every_bad_row_and_changes_nothing(
    shell: Path, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = ROSTER.replace("ben@example.com,rep,ana", "ben@example.com,rep,zed").replace(
        "cai@example.com,rep", "cai@example.com,ceo"
    )
    capsys.readouterr()

    assert main(["roster", "import", PROGRAM, write(shell, bad)]) == 1

    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "kickoff-bot: roster for 'Q1 Kickoff' not imported, nothing was changed; "
        "fix these rows and import the whole file again:",
        "line 3: manager zed@example.com is not in the file (give them a row too)",
        "line 4: unknown role 'ceo' (roles are rep, manager, enablement, leader, admin)",
    ]
    assert active_members(database) == set()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Q1 Kickoff", "missing.csv"], "kickoff-bot: cannot read missing.csv: No such file"),
        (["Q9", "roster.csv"], "kickoff-bot: No program named 'Q9'"),
    ],
)
def test_a_missing_file_or_program_is_one_clear_line(
    shell: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    write(shell, ROSTER)
    capsys.readouterr()

    assert main(["roster", "import", *args]) == 1
    assert capsys.readouterr().err.startswith(message)


def test_slack_rate_limits_are_waited_out(
    shell: Path, database: Database, fake_slack: FakeSlack
) -> None:
    fake_slack.fail_next("users.lookupByEmail", status=429, retry_after=1)

    assert main(["roster", "import", PROGRAM, write(shell, ROSTER)]) == 0
    assert fake_slack.rate_limited_calls == 1
    assert active_members(database) == {"UANA", "UBEN", "UCAI"}


def test_a_slack_refusal_is_reported_without_a_traceback(
    shell: Path, database: Database, fake_slack: FakeSlack, capsys: pytest.CaptureFixture[str]
) -> None:
    fake_slack.fail_next("users.lookupByEmail", error="missing_scope", status=200)
    capsys.readouterr()

    assert main(["roster", "import", PROGRAM, write(shell, ROSTER)]) == 1
    assert capsys.readouterr().err == (
        "kickoff-bot: Slack answered 'missing_scope'; nothing was changed\n"
    )
    assert active_members(database) == set()
