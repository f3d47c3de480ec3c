"""Checks before launch, against the fake Slack: `program create/edit/launch` ask Slack about
each channel and refuse with the fix; `launch` refuses an empty roster and says who is messaged
and when."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.clock import SystemClock
from bot.fakeslack import FakeSlack
from tests.cli.shell import (
    PROGRAM,
    ROSTER,
    Shell,
    create_program,
    open_shell,
    refusal,
    row_counts,
)
from tests.databases import Database

AGAIN = "then run the command again. Nothing was changed."


@pytest.fixture
def shell(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_slack: FakeSlack, database: Database,
    clock: SystemClock, capsys: pytest.CaptureFixture[str],
) -> Shell:
    """The shell with a draft program and its roster; channels to break one way or another."""
    opened = open_shell(monkeypatch, tmp_path, fake_slack, database, clock)
    create_program()
    assert main(["roster", "import", PROGRAM, opened.write(ROSTER)]) == 0
    fake_slack.add_channel("CARCHIVED", "old-kickoff", is_archived=True)
    fake_slack.add_channel("CPUBLIC", "sales-floor", bot_is_member=False)
    fake_slack.add_channel("GSECRET", "leaders", bot_is_member=False, is_private=True)
    capsys.readouterr()
    return opened


@pytest.mark.parametrize(("channel", "fix"), [
    ("CMISSING", f"kickoff-bot cannot see channel CMISSING: if it is private, type /invite "
                 f"@kickoff-bot in it, {AGAIN}"),
    ("CARCHIVED", "#old-kickoff is archived; choose another channel. Nothing was changed."),
    ("CPUBLIC", f"kickoff-bot is not in #sales-floor: type /invite @kickoff-bot in "
                f"#sales-floor, {AGAIN}"),
    ("GSECRET", f"kickoff-bot cannot see channel GSECRET: if it is private, type /invite "
                f"@kickoff-bot in it, {AGAIN}"),
])
def test_create_edit_and_launch_refuse_a_channel_the_bot_cannot_post_in(
    shell: Shell, capsys: pytest.CaptureFixture[str], channel: str, fix: str
) -> None:
    before = row_counts(shell.database)

    assert main(["program", "create", "--name", "Other", "--kickoff-date", "2027-03-15",
                 "--standup-channel", channel, "--audit-channel", "CAUDIT"]) == 1
    assert refusal(capsys) == f"kickoff-bot: {fix}"
    assert main(["program", "edit", PROGRAM, "--audit-channel", channel]) == 1
    assert refusal(capsys) == f"kickoff-bot: {fix}"
    # The channel breaks after the program was set up: launch asks again.
    shell.slack.add_channel("CAUDIT", "kickoff-audit", is_archived=True)
    assert main(["program", "launch", PROGRAM]) == 1
    assert refusal(capsys) == ("kickoff-bot: #kickoff-audit is archived; choose another channel. "
                               "Nothing was changed.")

    assert row_counts(shell.database) == before


def test_launch_refuses_an_empty_roster(
    shell: Shell, capsys: pytest.CaptureFixture[str]
) -> None:
    create_program("Empty")
    capsys.readouterr()
    before = row_counts(shell.database)

    assert main(["program", "launch", "Empty"]) == 1

    assert refusal(capsys) == ("kickoff-bot: Empty has nobody on its roster yet: load the "
                               "roster, then launch; nothing was sent.")
    assert row_counts(shell.database) == before


def test_launch_says_who_is_messaged_and_when(
    shell: Shell, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["program", "launch", PROGRAM]) == 0

    assert capsys.readouterr().out.splitlines() == [
        f"program {PROGRAM!r} is now active",
        "a welcome DM is queued for 3 people: Ana Lima, Ben Ode, Cai Wu",
        "the first goes out 2027-03-08 10:00 UTC",
        "the first standup prompt: Tuesday 2027-03-16 at 09:00, each rep's local time",
    ]
