"""The demo scenes' shared stage: the demo's workspace and program, set up from the shell."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from bot.cli import main
from bot.cli.runtime import Runtime
from bot.clock import SystemClock
from bot.demo.stage import Stage
from bot.demo.timeline import Timeline
from bot.demo.world import (
    CREATE_PROGRAM,
    HOME_ZONE,
    KICKOFF_DATE,
    PROGRAM,
    populate,
    roster_csv,
)
from bot.domain.local_time import at_local
from bot.fakeslack import FakeSlack, SignedSender
from bot.settings import Settings
from scheduler.dispatcher import Dispatcher
from tests.databases import Database


@pytest.fixture
def launched_stage(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    fake_slack: FakeSlack,
    database: Database,
    settings: Settings,
    slack: SignedSender,
    dispatcher: Dispatcher,
    clock: SystemClock,
) -> Callable[[datetime], Stage]:
    """Builds the stage, as the demo does, with its simulated clock starting at the given time."""

    def build(start: datetime) -> Stage:
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
        kickoff = date.fromisoformat(KICKOFF_DATE)
        clock.move_to(at_local(kickoff - timedelta(days=1), time(0), HOME_ZONE))  # set up before
        assert main(list(CREATE_PROGRAM)) == 0
        assert main(["roster", "import", PROGRAM, str(roster)]) == 0
        assert main(["program", "launch", PROGRAM]) == 0
        clock.move_to(start)
        timeline = Timeline(
            fake=fake_slack,
            dispatcher=dispatcher,
            sessions=database.session_factory,
            clock=clock,
            home_zone=HOME_ZONE,
            kickoff=kickoff,
        )
        return Stage(
            fake=fake_slack,
            settings=settings,
            runtime=Runtime(settings),
            slack=slack,
            timeline=timeline,
        )

    return build
