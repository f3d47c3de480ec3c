"""`kickoff-bot program create|edit --working-hours`, run as a shell user would: the window is
stored and shown, and a time the program sends at outside it is refused in one line, with the
fix, changing nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.clock import SystemClock
from bot.fakeslack import FakeSlack
from tests.cli.shell import shell_environment
from tests.databases import Database
from tests.live import LIVE_NOW

CREATE = ["program", "create", "--name", "Q1 Kickoff", "--kickoff-date", "2027-03-29",
          "--standup-channel", "CSTANDUP", "--audit-channel", "CAUDIT"]


@pytest.fixture
def shell(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_slack: FakeSlack, database: Database,
    clock: SystemClock,
) -> None:
    """The command's environment, on a Wednesday two weeks before the kickoff."""
    shell_environment(monkeypatch, tmp_path, fake_slack, database)
    monkeypatch.setenv("DEFAULT_TIMEZONE", "UTC")
    for channel in ("CSTANDUP", "CAUDIT"):  # create checks them with Slack first
        fake_slack.add_channel(channel, channel.lower())
    clock.move_to(LIVE_NOW)


def shown(capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    """`program show`'s lines as label -> value (labels padded to one column)."""
    capsys.readouterr()
    assert main(["program", "show", "Q1 Kickoff"]) == 0
    return {line[:18].strip(): line[19:] for line in capsys.readouterr().out.splitlines()}


@pytest.mark.usefixtures("shell")
def test_the_working_hours_are_set_on_create_and_shown(
    capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*CREATE, "--working-hours", "09:00-17:00"]) == 0
    settings = shown(capsys)
    assert settings["working hours"] == "09:00-17:00 each person's time"


@pytest.mark.usefixtures("shell")
def test_a_standup_before_the_window_is_refused_with_the_fix(
    capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(CREATE) == 0
    capsys.readouterr()
    assert main(["program", "edit", "Q1 Kickoff", "--standup-time", "07:30"]) == 1
    assert capsys.readouterr().err == (
        "kickoff-bot: --standup-time: standup time 07:30 is before the working window "
        "(08:00-18:00); set it to 08:00 or later, or widen the working hours\n")
    assert main(["program", "edit", "Q1 Kickoff", "--working-hours", "10:00-18:00"]) == 1
    assert capsys.readouterr().err == (
        "kickoff-bot: --working-hours: the working window (10:00-18:00) leaves out 09:00, when "
        "managers get their coaching digest; start it at 09:00 or earlier\n")
    assert shown(capsys)["standup prompt at"] == "09:00"  # nothing changed


@pytest.mark.usefixtures("shell")
def test_a_window_not_written_as_one_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*CREATE, "--working-hours", "08:00"]) == 1
    assert capsys.readouterr().err == (
        "kickoff-bot: --working-hours: '08:00' is not a window like 08:00-18:00\n")
