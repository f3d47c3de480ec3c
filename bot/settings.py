"""Settings read from the environment (and an optional `.env`), validated once."""

from __future__ import annotations

import zoneinfo
from functools import lru_cache
from typing import Annotated

from pydantic import Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from bot.clock import system_clock

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
# Connections the dispatcher of `kickoff-bot run` may hold at once: its three jobs, the shared
# token bucket's refill (one at a time), and the few senders that touch the database at once (to
# read an upload's files or report a 429); a send itself holds none.
DISPATCHER_CONNECTIONS = 11
_SIZES = ("listener_threads", "http_threads", "db_pool_size")


class SettingsError(Exception):
    """A setting is missing or malformed; the message names it in one line."""


class Settings(BaseSettings):
    """Everything kickoff-bot reads from its environment."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    slack_bot_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_api_url: str = "https://slack.com/api/"
    database_url: str = "sqlite:///kickoff-bot.db"
    port: int = Field(default=3000, ge=1, le=65535)
    log_level: str = "INFO"
    default_timezone: str = "UTC"
    kickoff_admins: Annotated[tuple[str, ...], NoDecode] = ()
    # The dispatcher (kickoff-bot worker / run): pace, lease and how often it wakes. Slack does
    # not quantify its workspace-wide limit for chat.postMessage: 1,200 a minute is an assumption
    # (README: "How fast it sends"); a 429 brings the rate down from it.
    send_per_minute: float = Field(default=1200.0, gt=0)
    send_concurrency: int = Field(default=16, ge=1, le=256)  # most messages in flight at once
    channel_interval_seconds: float = Field(default=1.0, ge=0)
    dispatch_interval_seconds: float = Field(default=2.0, gt=0)
    plan_interval_seconds: float = Field(default=30.0, gt=0)
    lease_seconds: float = Field(default=120.0, gt=0)
    # What one process holds (README: "What one serve process holds"). A listener spends most of
    # its time waiting on Slack, so a burst needs many threads, not many cores; every thread that
    # may touch the database can hold one connection at once, so none queues for the pool.
    listener_threads: int = Field(default=64, ge=1, le=1024)
    http_threads: int = Field(default=16, ge=1, le=1024)
    db_pool_size: int = Field(default=10, ge=1)
    db_max_overflow: int | None = Field(default=None, ge=0)  # None: enough for every thread

    @field_validator("slack_bot_token")
    @classmethod
    def _bot_token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith("xoxb-"):
            raise ValueError("must be a bot token starting with xoxb-")
        return value

    @field_validator("slack_app_token")
    @classmethod
    def _app_token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith("xapp-"):
            raise ValueError("must be an app-level token starting with xapp-")
        return value

    @field_validator("slack_api_url")
    @classmethod
    def _api_url_shape(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must be an http(s) URL")
        return value if value.endswith("/") else value + "/"

    @field_validator("database_url")
    @classmethod
    def _database_url_shape(cls, value: str) -> str:
        try:
            make_url(value)
        except ArgumentError as exc:
            raise ValueError("is not a database URL (e.g. sqlite:///kickoff-bot.db)") from exc
        return value

    @field_validator("log_level")
    @classmethod
    def _log_level_known(cls, value: str) -> str:
        if value.upper() not in LOG_LEVELS:
            raise ValueError(f"must be one of {', '.join(LOG_LEVELS)}")
        return value.upper()

    @field_validator("default_timezone")
    @classmethod
    def _timezone_known(cls, value: str) -> str:
        if value not in zoneinfo.available_timezones():
            raise ValueError(f"unknown IANA time zone {value!r}")
        return value

    @field_validator("kickoff_admins", mode="before")
    @classmethod
    def _split_admins(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split(",") if part.strip())
        return value

    @field_validator("db_max_overflow")
    @classmethod
    def _pool_covers_threads(cls, value: int | None, info: ValidationInfo) -> int | None:
        listeners, http, pool = (info.data.get(name) for name in _SIZES)
        # A malformed size is reported under its own name; nothing to compare with then.
        if value is None or not (isinstance(listeners, int) and isinstance(http, int)):
            return value
        needed = listeners + http + DISPATCHER_CONNECTIONS
        if isinstance(pool, int) and pool + value < needed:
            raise ValueError(
                f"DB_POOL_SIZE + DB_MAX_OVERFLOW must be at least {needed} (a connection for each "
                "listener and HTTP thread, and the dispatcher's); lower LISTENER_THREADS instead"
            )
        return value

    def db_connections(self) -> int:
        """The most connections one process may hold: one per thread that may use the database."""
        return self.listener_threads + self.http_threads + DISPATCHER_CONNECTIONS

    def db_overflow(self) -> int:
        """DB_MAX_OVERFLOW, or what lets every thread hold a connection at once."""
        if self.db_max_overflow is not None:
            return self.db_max_overflow
        return max(self.db_connections() - self.db_pool_size, 0)

    def bot_token(self) -> str:
        """The bot token, or a SettingsError naming SLACK_BOT_TOKEN."""
        return _required(self.slack_bot_token, "SLACK_BOT_TOKEN")

    def signing_secret(self) -> str:
        """The signing secret, or a SettingsError naming SLACK_SIGNING_SECRET."""
        return _required(self.slack_signing_secret, "SLACK_SIGNING_SECRET")

    def app_token(self) -> str:
        """The Socket Mode app token, or a SettingsError naming SLACK_APP_TOKEN."""
        return _required(self.slack_app_token, "SLACK_APP_TOKEN")


def _required(value: SecretStr | None, name: str) -> str:
    if value is None or not value.get_secret_value():
        raise SettingsError(f"{name} is not set (see the configuration table in README.md)")
    return value.get_secret_value()


def load_settings() -> Settings:
    """Read the settings, turning pydantic's report into one line that names the setting."""
    try:
        system_clock()  # a moved clock is read once, here, so a malformed one is said in one line
    except ValueError as exc:
        raise SettingsError(str(exc)) from None
    try:
        return Settings()
    except ValidationError as exc:
        error = exc.errors()[0]
        name = str(error["loc"][0]).upper() if error["loc"] else "settings"
        message = str(error["msg"]).removeprefix("Value error, ")
        raise SettingsError(f"{name} is malformed: {message}") from None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return load_settings()
