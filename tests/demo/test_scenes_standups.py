"""The standup demo scene runs Day 1 on the demo's people, with the real dispatcher sending."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

import pytest

from bot.cli import main
from bot.cli.runtime import Runtime
from bot.demo.scenes_standups import scene
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
from bot.services.local_time import at_local
from bot.settings import Settings
from scheduler.dispatcher import Dispatcher
from tests.databases import Database

PROGRAM = "FY27 Kickoff"


@pytest.fixture
def stage(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    fake_slack: FakeSlack,
    database: Database,
    settings: Settings,
    slack: SignedSender,
    dispatcher: Dispatcher,
) -> Stage:
    """The demo's workspace and program, set up from the shell as the demo does, and launched."""
    monkeypatch.chdir(tmp_path)
    for name, value in (
        ("SLACK_BOT_TOKEN", "xoxb-fake"),
        ("SLACK_SIGNING_SECRET", "s"),
        ("SLACK_API_URL", fake_slack.api_url),
        ("DATABASE_URL", database.url),
    ):
        monkeypatch.setenv(name, value)
    populate(fake_slack)
    roster = tmp_path / "roster.csv"
    roster.write_bytes(roster_csv())
    assert (
        main(
            [
                "program",
                "create",
                "--name",
                PROGRAM,
                "--kickoff-date",
                KICKOFF_DATE,
                "--event-days",
                "2",
                "--timezone",
                "America/New_York",
                "--standup-channel",
                STANDUP_CHANNEL[0],
                "--audit-channel",
                AUDIT_CHANNEL[0],
            ]
        )
        == 0
    )
    assert main(["roster", "import", PROGRAM, str(roster)]) == 0
    assert main(["program", "launch", PROGRAM]) == 0
    kickoff = date.fromisoformat(KICKOFF_DATE)
    timeline = Timeline(
        fake=fake_slack,
        dispatcher=dispatcher,
        sessions=database.session_factory,
        home_zone=HOME_ZONE,
        kickoff=kickoff,
        start=at_local(kickoff + timedelta(days=1), time(0), HOME_ZONE),
    )
    return Stage(
        fake=fake_slack,
        settings=settings,
        runtime=Runtime(settings),
        slack=slack,
        timeline=timeline,
    )


def test_day_1_shows_prompts_answers_the_thread_and_the_figures(
    stage: Stage, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    scene(stage, program_name=PROGRAM)
    out = capsys.readouterr().out
    assert "Good morning Aroha Ngata! :wave: Week-1 standup, *Day 1 of 5*." in out
    assert "Arjun Mehta types into the DM instead" in out
    assert "[ Answer, using my message ]" in out
    assert "[One new activity I will do today] Today I will call Globex back" in out
    assert 'Olivia Brown clicks "Out today"' in out
    assert "Week-1 standup - Day 1 of 5" in out
    assert "&lt;!channel&gt; sign-off" in out  # escaped in the channel and the manager's DM
    assert "<!channel>" not in out.replace("Legal wants <!channel>", "")
    assert "a quick reminder: *Day 1 of 5*" in out  # Ben and Jonas did not answer
    assert 'Priya Nair clicks "Resolved"' in out
    assert '$ kickoff-bot standups "FY27 Kickoff" --at 2027-03-11T08:00' in out
    day_1 = next(line for line in out.splitlines() if line.startswith("Day 1  2027-03-10"))
    assert day_1.split()[3:] == ["7", "4", "0", "1", "2", "0"]  # Ben and Jonas missed it
