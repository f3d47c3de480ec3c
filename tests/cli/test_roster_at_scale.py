"""`roster import` of large files: people resolved from Slack's member list read once, progress
on stderr, at most 50 bad rows listed then a count, --dry-run, and a size limit."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.clock import SystemClock
from bot.fakeslack import FakeSlack
from bot.services.roster_csv import MAX_BYTES
from tests.cli.shell import PROGRAM, ROSTER, Shell, create_program, open_shell, refusal, row_counts
from tests.databases import Database

REPS = 150  # above the 100 rows from which the member list is read


@pytest.fixture
def shell(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_slack: FakeSlack, database: Database,
    clock: SystemClock, capsys: pytest.CaptureFixture[str],
) -> Shell:
    """The shell with a draft program and a workspace of REPS more reps."""
    opened = open_shell(monkeypatch, tmp_path, fake_slack, database, clock)
    for n in range(REPS):
        fake_slack.add_user(f"UREP{n:04d}", real_name=f"Rep {n:04d}",
                            email=f"rep{n:04d}@example.com")
    create_program()
    capsys.readouterr()
    return opened


def large_roster(reps: int = REPS, *, unknown: int = 0) -> str:
    """ROSTER and `reps` reps of Ana; the last `unknown` of them unknown to Slack."""
    lines = [f"{'nobody' if n >= reps - unknown else 'rep'}{n:04d}@example.com,rep,"
             "ana@example.com,EMEA" for n in range(reps)]
    return ROSTER + "\n".join(lines) + "\n"


def test_a_large_file_reads_the_member_list_once(
    shell: Shell, capsys: pytest.CaptureFixture[str]
) -> None:
    shell.slack.clear_calls()

    assert main(["roster", "import", PROGRAM, shell.write(large_roster())]) == 0

    captured = capsys.readouterr()
    assert captured.out == (f"roster of {PROGRAM!r} imported: {REPS + 3} added, 0 updated, "
                            "0 reactivated, 0 deactivated, 0 unchanged\n")
    assert len(shell.slack.calls_to("users.list")) == 1  # 157 members: one page of 200
    assert shell.slack.calls_to("users.lookupByEmail") == []
    assert captured.err.splitlines() == [
        f"kickoff-bot: {shell.folder / 'roster.csv'}: {REPS + 3} rows; reading Slack's member "
        "list",
        f"kickoff-bot:   {REPS + 4} members read",  # the bot is a member too
        f"kickoff-bot: checking {REPS + 3} rows",
    ]


def test_at_most_fifty_bad_rows_then_a_count(
    shell: Shell, capsys: pytest.CaptureFixture[str]
) -> None:
    before = row_counts(shell.database)

    assert main(["roster", "import", PROGRAM, shell.write(large_roster(unknown=120))]) == 1

    lines = capsys.readouterr().err.splitlines()
    problems = [line for line in lines if line.startswith("line ")]
    assert len(problems) == 50
    assert problems[0] == "line 35: no Slack user has the email nobody0030@example.com"
    assert lines[-1] == "... and 70 more rows with problems (120 in all)"
    assert row_counts(shell.database) == before


def test_a_dry_run_says_what_would_change_and_changes_nothing(
    shell: Shell, capsys: pytest.CaptureFixture[str]
) -> None:
    before = row_counts(shell.database)

    assert main(["roster", "import", PROGRAM, shell.write(ROSTER), "--dry-run"]) == 0

    assert capsys.readouterr().out == (
        f"dry run, nothing was changed: roster of {PROGRAM!r} imported: 3 added, 0 updated, "
        "0 reactivated, 0 deactivated, 0 unchanged\n")
    assert row_counts(shell.database) == before


def test_a_file_over_the_size_limit_is_refused_unread(
    shell: Shell, capsys: pytest.CaptureFixture[str]
) -> None:
    path = shell.folder / "crm-export.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write(ROSTER)
        out.write("x" * MAX_BYTES)
    shell.slack.clear_calls()

    assert main(["roster", "import", PROGRAM, str(path)]) == 1

    assert refusal(capsys) == (f"kickoff-bot: {path} is 2.0 MB; a roster file may be at most "
                               "2 MB (about 30,000 people): is it the right file?")
    assert shell.slack.calls == []
