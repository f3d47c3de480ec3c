"""What a CLI command works with: settings, the database, and (when needed) Slack."""

from __future__ import annotations

from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from zoneinfo import ZoneInfo

from slack_sdk import WebClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from bot.app import make_client
from bot.cli.times import read_time
from bot.clock import Clock, system_clock
from bot.errors import KickoffError
from bot.services.programs import find_program
from bot.services.workspaces import ensure_workspace
from bot.settings import Settings
from db.models import Program, Workspace
from db.session import make_engine, make_session_factory


class Runtime:
    """Lazily made engine, session factory and Slack client for one CLI invocation."""

    def __init__(self, settings: Settings, *, clock: Clock | None = None) -> None:
        self.settings = settings
        self.clock = clock or system_clock()

    @cached_property
    def engine(self) -> Engine:
        """The database engine for DATABASE_URL, its pool sized for the process's threads."""
        settings = self.settings
        return make_engine(
            settings.database_url,
            pool_size=settings.db_pool_size,
            max_overflow=settings.db_overflow(),
        )

    @cached_property
    def session_factory(self) -> sessionmaker[Session]:
        """Sessions on `engine`, once the database exists (only `db upgrade` creates it)."""
        self.require_database()
        return make_session_factory(self.engine)

    def require_database(self) -> None:
        """Refuse a SQLite file that is not there yet: connecting would leave an empty one
        behind (`db upgrade` creates it)."""
        path = self.engine.url.database if self.engine.dialect.name == "sqlite" else None
        if path and path != ":memory:" and not path.startswith("file:") \
                and not Path(path).exists():
            raise KickoffError(f"there is no database at {path} yet: run `kickoff-bot db "
                               "upgrade` first (or check DATABASE_URL); nothing was changed")

    @cached_property
    def client(self) -> WebClient:
        """A WebClient for the bot token (only commands that talk to Slack ask for it)."""
        return make_client(self.settings)

    def workspace(self, session: Session) -> Workspace:
        """The deployment's workspace; the first time, learned from Slack's auth.test."""
        existing = session.scalars(select(Workspace).order_by(Workspace.id)).first()
        if existing is not None:
            return existing
        identity = self.client.auth_test()
        return ensure_workspace(
            session=session, team_id=str(identity["team_id"]), name=str(identity["team"])
        )

    def today(self) -> date:
        """Today in DEFAULT_TIMEZONE."""
        return self.clock.now().astimezone(ZoneInfo(self.settings.default_timezone)).date()

    def program(self, session: Session, ref: str) -> Program:
        """The deployment's program named `ref`, or with id `ref` (`find_program`'s rule)."""
        return find_program(session=session, workspace=self.workspace(session), ref=ref)

    def at(self, text: str | None, *, tz: str) -> datetime:
        """An `--at` option's instant (read in `tz`, the program's zone, unless it has an
        offset), or now when it was not given."""
        return self.clock.now() if text is None else read_time(text, option="--at", tz=tz)

