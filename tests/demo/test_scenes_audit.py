"""The audit demo scene: week 2 logged by two of three managers, the Monday audit in the
leadership channel, the same week from the shell, and the day-32 read-out."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.cli import main
from bot.cli.runtime import Runtime
from bot.demo.scenes_audit import scene
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
                        start=datetime(2027, 3, 21, tzinfo=UTC), home_zone=HOME_ZONE,
                        kickoff=date.fromisoformat(KICKOFF_DATE))
    return Stage(fake=fake_slack, settings=settings, runtime=Runtime(settings), slack=slack,
                 timeline=timeline)


def test_the_scene_shows_the_week_2_audit_and_the_readout(
    stage: Stage, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    scene(stage, program_name=PROGRAM)
    out = capsys.readouterr().out
    audit = out.split("== Coaching audit: week of Mon 15 Mar (2027-W11) ==")[1]
    assert "*1:1 completion:* 71% (5 of 7 done; target 95%, typical baseline 60%)" in audit
    assert "1. Hannah Weber: 0% (0 of 4), nothing due the week before" in audit
    assert "2. Marcus Reed: 75% (3 of 4), nothing due the week before" in audit
    assert "[image: Heat map of coaching completion per manager and week" in audit
    assert "Coaching audit of FY27 Kickoff, week of 2027-03-15 (2027-W11), as posted" in out
    assert "== Day-30 read-out: FY27 Kickoff ==" in out
    assert "not held: 24% of 1:1s done (5 of 21)" in out
    assert "<@" not in audit.split("== Day-30 read-out")[0]
