"""Every defect the operator met in the shell: one line with the fix, a non-zero exit, nothing
changed, no traceback, no stray files (or the documented success)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from bot.cli import main
from bot.clock import SystemClock
from bot.fakeslack import FakeSlack
from db.models import Delivery, DeliveryStatus, Program, ProgramStatus
from tests.cli.shell import (
    PROGRAM,
    ROSTER,
    UNREACHABLE,
    Shell,
    create_program,
    open_shell,
    refusal,
    row_counts,
)
from tests.databases import Database


@pytest.fixture
def shell(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_slack: FakeSlack, database: Database,
    clock: SystemClock, capsys: pytest.CaptureFixture[str],
) -> Shell:
    """The shell with one draft program; what the set-up printed is read away."""
    opened = open_shell(monkeypatch, tmp_path, fake_slack, database, clock)
    create_program()
    capsys.readouterr()
    return opened


def status_of(database: Database, name: str = PROGRAM) -> ProgramStatus:
    """The stored status of the program named `name`."""
    with database.session_factory() as session:
        return session.scalars(select(Program.status).where(Program.name == name)).one()


@pytest.mark.parametrize(("target", "why"), [
    ("missing/audit.csv", "No such file or directory"),
    (".", "Is a directory"),
])
def test_audit_csv_into_a_missing_folder_or_onto_a_folder(
    shell: Shell, capsys: pytest.CaptureFixture[str], target: str, why: str
) -> None:
    before = sorted(shell.folder.iterdir())

    assert main(["audit", PROGRAM, "--csv", target]) == 1

    line = refusal(capsys)
    assert line.startswith(f"kickoff-bot: cannot use {target}: {why}")
    assert sorted(shell.folder.iterdir()) == before


def test_roster_import_with_slack_unreachable(
    shell: Shell, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = row_counts(shell.database)
    monkeypatch.setenv("SLACK_API_URL", UNREACHABLE)

    assert main(["roster", "import", PROGRAM, shell.write(ROSTER)]) == 1

    assert refusal(capsys).startswith(f"kickoff-bot: cannot reach Slack at {UNREACHABLE} (")
    assert row_counts(shell.database) == before


@pytest.mark.parametrize("command", [["serve"], ["run"], ["worker"], ["socket"]])
def test_starting_with_slack_unreachable(
    shell: Shell, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    monkeypatch.setenv("SLACK_API_URL", UNREACHABLE)
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-fake")
    monkeypatch.setenv("PORT", "1")  # never reached: the start-up check fails first

    assert main(command) == 1

    line = refusal(capsys)
    assert line.startswith(f"kickoff-bot: cannot reach Slack at {UNREACHABLE}")
    assert line.endswith("check the network and SLACK_API_URL, then try again; nothing was "
                         "changed")


@pytest.mark.parametrize("command", [["serve"], ["worker"], ["program", "list"]])
def test_a_token_slack_refuses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_slack: FakeSlack,
    database: Database, clock: SystemClock, capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    open_shell(monkeypatch, tmp_path, fake_slack, database, clock)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-revoked")  # the fake knows only xoxb-fake
    monkeypatch.setenv("PORT", "1")

    assert main(command) == 1

    assert "check SLACK_BOT_TOKEN" in refusal(capsys)


def test_a_database_never_upgraded_is_not_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", "sqlite:///kickoff-bot.db")

    assert main(["program", "list"]) == 1

    assert refusal(capsys) == (
        "kickoff-bot: there is no database at kickoff-bot.db yet: run `kickoff-bot db upgrade` "
        "first (or check DATABASE_URL); nothing was changed"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_database_without_tables_says_to_upgrade(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty.db").touch()  # SQLite reads an empty file as an empty database
    monkeypatch.setenv("DATABASE_URL", "sqlite:///empty.db")

    assert main(["program", "list"]) == 1

    assert refusal(capsys) == ("kickoff-bot: the database has no kickoff-bot tables yet: run "
                               "`kickoff-bot db upgrade` first; nothing was changed")


@pytest.mark.parametrize(("option", "value", "said"), [
    ("--working-days", "mon,funday", "--working-days: 'funday' is not a day; write mon, tue, "
                                     "wed, thu, fri, sat or sun"),
    ("--coaching-due-day", "funday", "--coaching-due-day: 'funday' is not a day; write mon, "
                                     "tue, wed, thu, fri, sat or sun"),
    ("--standup-channel", "sales", "--standup-channel: 'sales' is not a channel id (like "
                                   "C0123ABCD)"),
    ("--standup-time", "12:00", "the reminder time must be later than the standup time"),
])
def test_option_errors_name_the_option_typed(
    shell: Shell, capsys: pytest.CaptureFixture[str], option: str, value: str, said: str
) -> None:
    before = row_counts(shell.database)

    assert main(["program", "edit", PROGRAM, option, value]) == 1

    assert refusal(capsys) == f"kickoff-bot: {said}"
    assert row_counts(shell.database) == before


def test_survey_results_channel_in_the_users_words(
    shell: Shell, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["survey", "create", "--program", PROGRAM, "--title", "Pulse", "--audience", "reps",
              "--closes", "2027-03-20T17:00", "--results-channel", "nope"])

    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "argument --results-channel: 'nope' is not a channel id: open the channel's details" \
        in err
    assert "Pick the channel" not in err


def test_program_show_in_peoples_words(shell: Shell, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["program", "show", PROGRAM]) == 0

    out = capsys.readouterr().out.splitlines()
    assert "working days       Monday to Friday" in out
    assert "coaching due       each Thursday" in out
    assert "1:1 target         95%" in out
    assert "kickoff            Monday 2027-03-15" in out
    assert "read-out           day 32 after the kickoff (Friday 2027-04-16)" in out
    assert not any("[1, 2, 3, 4, 5]" in line for line in out)


def test_edits_that_change_nothing_say_so(
    shell: Shell, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["program", "edit", PROGRAM]) == 1
    assert refusal(capsys).startswith("kickoff-bot: nothing to change: give the settings to "
                                      "change")

    assert main(["program", "edit", PROGRAM, "--standup-time", "09:00"]) == 0
    assert capsys.readouterr().out == (
        f"program {PROGRAM!r} already has these settings; nothing was changed\n")

    assert main(["program", "edit", PROGRAM, "--standup-time", "09:30"]) == 0
    assert capsys.readouterr().out == (
        f"updated program {PROGRAM!r}: standup prompt at 09:30 (was 09:00)\n")


def test_deliveries_limit_must_be_positive(
    shell: Shell, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["deliveries", "--limit", "-1"])

    assert exited.value.code == 2
    assert "argument --limit: '-1': give a whole number of rows, 1 or more" in \
        capsys.readouterr().err


def test_a_program_named_like_an_id_never_hides_it(
    shell: Shell, capsys: pytest.CaptureFixture[str]
) -> None:
    create_program("1")  # program 2, named "1": "1" now names two programs
    capsys.readouterr()

    assert main(["program", "show", "1"]) == 1
    assert refusal(capsys) == ("kickoff-bot: '1' is both the name of program #2 and the id of "
                               "'Q1 Kickoff': write #2 or #1.")
    assert main(["program", "show", "#1", "--json"]) == 0
    assert '"name": "Q1 Kickoff"' in capsys.readouterr().out
    assert main(["program", "show", "#2", "--json"]) == 0
    assert '"name": "1"' in capsys.readouterr().out


def test_program_end_asks_for_yes(shell: Shell, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["program", "end", PROGRAM]) == 1
    assert refusal(capsys) == (
        "kickoff-bot: `program end` cannot be undone: nothing more is sent, and an ended program "
        "cannot be resumed or edited. Run it again with --yes to go ahead; nothing was changed")
    assert status_of(shell.database) is ProgramStatus.DRAFT

    assert main(["program", "end", PROGRAM, "--yes"]) == 0
    assert capsys.readouterr().out == f"program {PROGRAM!r} is now ended\n"
    assert status_of(shell.database) is ProgramStatus.ENDED


def test_retry_refuses_a_welcome_of_an_ended_program(
    shell: Shell, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["roster", "import", PROGRAM, shell.write(ROSTER)]) == 0
    assert main(["program", "launch", PROGRAM]) == 0
    assert main(["program", "end", PROGRAM, "--yes"]) == 0
    with shell.database.session_factory() as session:
        welcome = session.scalars(select(Delivery).where(Delivery.kind == "welcome")).first()
        assert welcome is not None
    capsys.readouterr()

    assert main(["deliveries", "retry", str(welcome.id)]) == 1

    assert refusal(capsys) == (
        f"kickoff-bot: Delivery {welcome.id} is a welcome message, which program 'Q1 Kickoff' "
        "no longer sends (it is ended); nothing was changed.")
    with shell.database.session_factory() as session:
        assert session.get_one(Delivery, welcome.id).status is DeliveryStatus.CANCELLED


def test_create_without_a_token_says_which_setting(
    shell: Shell, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("SLACK_BOT_TOKEN")
    before = row_counts(shell.database)

    assert main(["program", "create", "--name", "Other", "--kickoff-date", "2027-03-15",
                 "--standup-channel", "CSTANDUP", "--audit-channel", "CAUDIT"]) == 2

    assert refusal(capsys) == ("kickoff-bot: configuration error: SLACK_BOT_TOKEN is not set "
                               "(see the configuration table in README.md)")
    assert row_counts(shell.database) == before


def test_a_name_that_reads_as_an_id_is_refused(
    shell: Shell, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["program", "edit", PROGRAM, "--name", "#7"]) == 1

    assert refusal(capsys) == "kickoff-bot: --name: '#7' reads as a program id; choose another name"
