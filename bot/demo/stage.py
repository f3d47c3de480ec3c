"""The demo's stage: fake Slack, a temporary database and the real app, wired like production."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path

from bot.app import create_app
from bot.blocks.render.page import Shown
from bot.cli import main
from bot.cli.runtime import Runtime
from bot.clock import SystemClock, system_clock
from bot.demo.story import Story
from bot.demo.timeline import Timeline
from bot.demo.world import HOME_ZONE, PEOPLE, SET_UP_DAY, directory, populate, reader_of
from bot.domain.local_time import at_local
from bot.fakeslack import FakeSlack, SignedSender
from bot.features.registry import REGISTRY
from bot.settings import Settings, load_settings
from bot.verify import RequestGate
from bot.web import EVENTS_PATH, BackgroundServer, create_wsgi_app
from db.migrate import upgrade
from scheduler.config import DispatchConfig
from scheduler.dispatcher import Dispatcher

SIGNING_SECRET = "demo-signing-secret"
BOT_TOKEN = "xoxb-demo"
ADMIN = PEOPLE[0]
# The demo's messages are few; a quick pace keeps it fast (the real default is 300 a minute).
DEMO_PACE = DispatchConfig(per_minute=60_000, channel_interval=0.0)


@dataclass(frozen=True)
class Stage:
    """Everything a demo scene needs."""

    fake: FakeSlack
    settings: Settings
    runtime: Runtime
    slack: SignedSender
    timeline: Timeline

    @property
    def story(self) -> Story:
        """What each person has seen so far."""
        return self.timeline.story

    def scene(self, title: str, at: datetime, timezone: str = HOME_ZONE) -> None:
        """Everything due before `at` goes out in the scene before; then this scene begins, at
        `at` (what falls due then is its first news)."""
        self.timeline.advance_to(at - timedelta(seconds=1))
        self.story.scene(title, at, timezone)
        self.timeline.advance_to(at)

    def show(self, slack_id: str, shown: Shown) -> None:
        """What someone sees because of what they did (a modal, their App Home, an answer)."""
        reader = reader_of(slack_id)
        assert reader is not None, slack_id
        self.story.view(reader, shown)


@contextlib.contextmanager
def demo_stage(*, full: bool = False) -> Iterator[Stage]:
    """Start fake Slack, migrate a SQLite file in a temporary folder, serve the app; clean up.

    Everything runs on the process's one clock, placed at the simulated start (the set-up day,
    a month before the kickoff) and moved along by the timeline, so the shell, the app, the
    dispatcher and the fake Slack all live on the demo's days, whatever the real date.
    """
    start = at_local(SET_UP_DAY, time(0), HOME_ZONE)
    with (
        _process_clock_at(start) as clock,
        tempfile.TemporaryDirectory(prefix="kickoff-demo-") as folder,
        FakeSlack(bot_token=BOT_TOKEN, clock=clock).start() as fake,
    ):
        populate(fake)
        environment = {
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": fake.api_url,
            "DATABASE_URL": f"sqlite:///{folder}/kickoff-demo.db",
            "KICKOFF_ADMINS": ADMIN.email,
            "DEFAULT_TIMEZONE": "America/New_York",
            "LOG_LEVEL": "WARNING",
        }
        with _environment(environment):
            settings = load_settings()
            runtime = Runtime(settings)
            upgrade(runtime.engine)
            app = create_app(settings, runtime.session_factory, clock=clock)
            gate = RequestGate(settings.signing_secret(), clock=clock)
            server = BackgroundServer(create_wsgi_app(app, runtime.engine, gate)).start()
            dispatcher = Dispatcher(
                session_factory=runtime.session_factory,
                client=runtime.client,
                planners=REGISTRY.planners(settings),
                config=DEMO_PACE,
                clock=clock,
            )
            timeline = Timeline(
                dispatcher=dispatcher,
                sessions=runtime.session_factory,
                clock=clock,
                story=Story(directory(), full=full),
                home_zone=HOME_ZONE,
            )
            try:
                sender = SignedSender(
                    url=server.url + EVENTS_PATH, signing_secret=SIGNING_SECRET, fake=fake
                )
                yield Stage(
                    fake=fake, settings=settings, runtime=runtime, slack=sender, timeline=timeline
                )
            finally:
                dispatcher.close()
                server.stop()
                runtime.engine.dispose()


@contextlib.contextmanager
def _process_clock_at(instant: datetime) -> Iterator[SystemClock]:
    """The process's clock, moved to `instant` for the demo and read afresh afterwards."""
    system_clock.cache_clear()
    clock = system_clock()
    clock.move_to(instant)
    try:
        yield clock
    finally:
        system_clock.cache_clear()


@contextlib.contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    """Set environment variables for the demo's own CLI calls, restoring them afterwards."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def shell(argv: Sequence[str]) -> int:
    """Run one `kickoff-bot` command as a user would type it, echoing the command line."""
    print(f"\n  $ kickoff-bot {' '.join(_quoted(arg) for arg in argv)}")
    return main(list(argv))


def shell_with_file(name: str, content: bytes, argv: Sequence[str]) -> int:
    """`shell(argv)` in a folder of its own holding the file `name`, so the command line names
    it as a user would type it: the transcript never shows a temporary path."""
    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(folder):
        Path(name).write_bytes(content)
        return shell(argv)


def _quoted(arg: str) -> str:
    return f'"{arg}"' if " " in arg else arg
