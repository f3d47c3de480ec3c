"""The demo scenes' shared stage (the demo's workspace and program, set up from the shell), and
the demo as told once for the tests that read its transcript and page."""

from __future__ import annotations

import contextlib
import fcntl
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from bot.cli import main
from bot.cli.runtime import Runtime
from bot.clock import SystemClock
from bot.demo.run import run_story
from bot.demo.stage import Stage
from bot.demo.story import Story
from bot.demo.timeline import Timeline
from bot.demo.world import (
    CREATE_PROGRAM,
    HOME_ZONE,
    KICKOFF_DATE,
    PROGRAM,
    directory,
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
            dispatcher=dispatcher,
            sessions=database.session_factory,
            clock=clock,
            story=Story(directory()),
            home_zone=HOME_ZONE,
        )
        return Stage(
            fake=fake_slack,
            settings=settings,
            runtime=Runtime(settings),
            slack=slack,
            timeline=timeline,
        )

    return build


@dataclass(frozen=True)
class ToldDemo:
    """The default demo as told once for the whole test run: what it printed, the page it
    wrote, and each message's record (reader, instant, kind, key, printed in full or not)."""

    out: str
    page: Path
    told: list[dict[str, str | bool]]
    timelines: dict[str, list[dict[str, str]]]


@pytest.fixture(scope="session")
def told_demo(tmp_path_factory: pytest.TempPathFactory) -> ToldDemo:
    """Runs the demo once per test run (pytest-xdist workers share it through a locked folder:
    it takes a minute)."""
    shared = tmp_path_factory.getbasetemp().parent / "told-demo"
    shared.mkdir(exist_ok=True)
    with (shared / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        record = shared / "record.json"
        if not record.exists():
            record.write_text(json.dumps(_tell(shared / "demo.html")), encoding="utf-8")
    data = json.loads(record.read_text(encoding="utf-8"))
    return ToldDemo(data["out"], shared / "demo.html", data["told"], data["timelines"])


def _tell(page: Path) -> dict[str, object]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        failures, story = run_story(html=page)
    assert failures == 0, out.getvalue()[-2000:]
    return {
        "out": out.getvalue(),
        "told": [{"reader": t.reader, "at": t.at.isoformat(), "what": t.what, "key": t.key,
                  "printed": t.printed} for t in story.told],
        "timelines": {reader.name: [{"at": s.at.isoformat(), "what": s.what,
                                     "surface": s.surface} for s in shown]
                      for reader, shown in story.timelines.items()},
    }
