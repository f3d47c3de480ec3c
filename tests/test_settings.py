"""Each missing or malformed setting is named in one clear line; secrets never show."""

from __future__ import annotations

import re

import pytest

from bot.cli import main
from bot.settings import SettingsError, load_settings

MALFORMED = [
    ("PORT", "abc", "PORT is malformed"),
    ("PORT", "70000", "PORT is malformed"),
    ("LOG_LEVEL", "LOUD", "LOG_LEVEL is malformed: must be one of DEBUG"),
    ("DEFAULT_TIMEZONE", "Mars/Olympus", "DEFAULT_TIMEZONE is malformed: unknown IANA time zone"),
    ("SLACK_BOT_TOKEN", "xoxp-user-token", "SLACK_BOT_TOKEN is malformed: must be a bot token"),
    ("SLACK_APP_TOKEN", "xoxb-wrong-kind", "SLACK_APP_TOKEN is malformed: must be an app-level"),
    ("SLACK_API_URL", "slack.com/api", "SLACK_API_URL is malformed: must be an http(s) URL"),
    ("DATABASE_URL", "not a url", "DATABASE_URL is malformed: is not a database URL"),
    ("DB_MAX_OVERFLOW", "20", "DB_MAX_OVERFLOW is malformed: DB_POOL_SIZE + DB_MAX_OVERFLOW must"),
    ("LISTENER_THREADS", "0", "LISTENER_THREADS is malformed"),
]


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: pytest.TempPathFactory) -> None:
    """No stray settings from the developer's shell or a .env file."""
    for name in (
        "SLACK_BOT_TOKEN",
        "SLACK_SIGNING_SECRET",
        "SLACK_APP_TOKEN",
        "SLACK_API_URL",
        "DATABASE_URL",
        "PORT",
        "LOG_LEVEL",
        "DEFAULT_TIMEZONE",
        "KICKOFF_ADMINS",
        "LISTENER_THREADS",
        "HTTP_THREADS",
        "DB_POOL_SIZE",
        "DB_MAX_OVERFLOW",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # type: ignore[arg-type]


@pytest.mark.parametrize(("name", "value", "expected"), MALFORMED)
def test_a_malformed_setting_is_named(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, expected: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError, match=re.escape(expected)):
        load_settings()


@pytest.mark.parametrize(
    ("method", "name"),
    [
        ("bot_token", "SLACK_BOT_TOKEN"),
        ("signing_secret", "SLACK_SIGNING_SECRET"),
        ("app_token", "SLACK_APP_TOKEN"),
    ],
)
def test_a_missing_secret_is_named_when_needed(method: str, name: str) -> None:
    settings = load_settings()
    with pytest.raises(SettingsError, match=f"{name} is not set"):
        getattr(settings, method)()


def test_defaults_need_no_environment() -> None:
    settings = load_settings()
    assert settings.database_url == "sqlite:///kickoff-bot.db"
    assert settings.slack_api_url == "https://slack.com/api/"
    assert (settings.port, settings.log_level, settings.default_timezone) == (3000, "INFO", "UTC")


def test_admins_are_a_comma_separated_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KICKOFF_ADMINS", "U01ADMIN, ops@example.com ,")
    assert load_settings().kickoff_admins == ("U01ADMIN", "ops@example.com")


def test_settings_come_from_a_dotenv_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    with open(".env", "w", encoding="utf-8") as dotenv:
        dotenv.write("PORT=4000\nLOG_LEVEL=debug\n")
    assert (load_settings().port, load_settings().log_level) == (4000, "DEBUG")


def test_the_cli_prints_one_line_and_exits_non_zero(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxp-secret-value")
    assert main(["program", "list"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "SLACK_BOT_TOKEN is malformed" in err
    assert "secret-value" not in err
    assert "Traceback" not in err


def test_serve_without_a_signing_secret_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve"]) == 2
    assert "SLACK_SIGNING_SECRET is not set" in capsys.readouterr().err


def test_socket_mode_without_an_app_token_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["socket"]) == 2
    assert "SLACK_APP_TOKEN is not set" in capsys.readouterr().err
