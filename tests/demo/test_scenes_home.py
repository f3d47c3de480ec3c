"""The home demo scene prints each role's App Home on the demo's people."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.cli import main
from bot.cli.runtime import Runtime
from bot.demo.scenes_home import scene
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


def test_the_scene_prints_the_home_of_every_role(
    stage: Stage, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    scene(stage, program_name=PROGRAM)
    out = capsys.readouterr().out
    homes = dict(part.split(" opens the Home tab", 1) for part in out.split("\n\n  ")
                 if " opens the Home tab" in part)
    assert "== Your standups and coaching ==" in homes["Ana Ruiz (a rep)"]
    assert "*Coaching ahead*" in homes["Ana Ruiz (a rep)"]
    assert "*Ana Ruiz* · 1:1 (45 min) · week 2 · due Thu 18 Mar" in homes[
        "Marcus Reed (a manager)"]
    assert "[ Log ]" in homes["Marcus Reed (a manager)"]
    jonas = homes["Jonas Berg (a rep who also manages)"]
    assert "== Your standups and coaching ==" in jonas
    assert "== Your team ==" in jonas
    assert "[ Create a survey ]" in homes["Elena Fischer (enablement)"]
    assert "[ This week so far ]" in homes["Victoria Hale (a leader)"]
    assert "[ New program ]" in homes["Sam Ortega (the kickoff admin)"]
    assert "You are not in a kickoff program yet" in homes["Noah Newman (someone in no program)"]
