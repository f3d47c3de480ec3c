"""The coaching demo scene runs on the demo's people and prints what each of them sees."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from bot.cli import main
from bot.cli.runtime import Runtime
from bot.demo.scenes_coaching import scene
from bot.demo.stage import KICKOFF, Stage
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
from bot.services.local_time import at_local
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
    runtime = Runtime(settings)
    timeline = Timeline(fake=fake_slack, dispatcher=dispatcher, sessions=runtime.session_factory,
                        start=at_local(KICKOFF, time(0), HOME_ZONE), home_zone=HOME_ZONE,
                        kickoff=KICKOFF)
    return Stage(fake=fake_slack, settings=settings, runtime=runtime, slack=slack,
                 timeline=timeline)


def test_the_scene_shows_a_digest_a_logged_call_review_and_the_record(
    stage: Stage, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    scene(stage, program_name=PROGRAM)
    out = capsys.readouterr().out
    assert "Monday 15 March, 09:00 in Los Angeles: Marcus Reed gets a DM:" in out
    assert "== Coaching for Mon 15 Mar ==" in out
    assert "*Ana Ruiz* · call review (60 min) · week 2 · due Thu 18 Mar" in out
    assert "[Discovery (1-5)]" in out
    assert "*Discovery:* 3/5" in out
    assert "You confirmed this." in out
    assert "Marcus Reed (U0MAR)" in out
    assert "Ana Ruiz (1 review): Discovery 3->3" in out
