"""The survey demo scene runs on the demo's people: invitations in local mornings, sealed answers,
the reminder to the two who did not answer, results at closing."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.cli import main
from bot.cli.runtime import Runtime
from bot.demo.scenes_survey import scene
from bot.demo.stage import Stage
from bot.demo.timeline import Timeline
from bot.demo.world import (
    AUDIT_CHANNEL,
    HOME_ZONE,
    KICKOFF_DATE,
    STANDUP_CHANNEL,
    populate,
    roster_csv,
)
from bot.fakeslack import FakeSlack, SignedSender
from bot.settings import Settings
from scheduler.dispatcher import Dispatcher
from tests.databases import Database

PROGRAM = "FY27 Kickoff"


@pytest.fixture
def stage(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_slack: FakeSlack, database: Database,
    settings: Settings, slack: SignedSender, dispatcher: Dispatcher,
) -> Stage:
    """The demo's workspace and program, set up from the shell as the demo does, and launched."""
    monkeypatch.chdir(tmp_path)
    for name, value in (("SLACK_BOT_TOKEN", "xoxb-fake"), ("SLACK_SIGNING_SECRET", "s"),
                        ("SLACK_API_URL", fake_slack.api_url), ("DATABASE_URL", database.url)):
        monkeypatch.setenv(name, value)
    populate(fake_slack)
    roster = tmp_path / "roster.csv"
    roster.write_bytes(roster_csv())
    assert main(["program", "create", "--name", PROGRAM, "--kickoff-date", KICKOFF_DATE,
                 "--event-days", "2", "--timezone", "America/New_York",
                 "--standup-channel", STANDUP_CHANNEL[0],
                 "--audit-channel", AUDIT_CHANNEL[0]]) == 0
    assert main(["roster", "import", PROGRAM, str(roster)]) == 0
    assert main(["program", "launch", PROGRAM]) == 0
    timeline = Timeline(fake=fake_slack, dispatcher=dispatcher, sessions=database.session_factory,
                        start=datetime(2027, 3, 7, tzinfo=UTC), home_zone=HOME_ZONE,
                        kickoff=date.fromisoformat(KICKOFF_DATE))
    return Stage(fake=fake_slack, settings=settings, runtime=Runtime(settings), slack=slack,
                 timeline=timeline)


def test_the_scene_walks_through_a_survey(
    stage: Stage, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    scene(stage, program_name=PROGRAM)
    out = capsys.readouterr().out
    assert "created survey 1 'Week-4 pulse' for FY27 Kickoff" in out
    assert "Ana Ruiz       Mon 29 Mar 14:30 (America/Los_Angeles)" in out
    assert "Lena Vogel     Tue 30 Mar 09:00 (Europe/Berlin)" in out
    assert "*What is stored:*" in out
    assert "After 5 answer(s) the database holds: 5 \"has answered\" records, 5 sealed answers " \
        "waiting, 0 readable answers" in out
    assert "transaction with the \"has answered\" records: 5 \"has answered\" records, 0 sealed " \
        "answers waiting, 5 readable answers" in out
    reminders = out.split("only to those who had not answered:")[1].split("At closing")[0]
    assert "Olivia Brown" in reminders
    assert "Aroha Ngata" in reminders
    assert "Ana Ruiz" not in reminders
    assert "*eNPS +20*" in out  # promoters 9 and 10, detractor 3: (2 - 1) / 5
    assert "Territory questions are still open &lt;!channel&gt;" in out
