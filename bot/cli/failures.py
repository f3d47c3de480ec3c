"""What the shell says when a command cannot go on: one line with the fix, never a traceback.

Every command runs in one transaction that is rolled back on the way out, so each line can end
with the same promise: nothing was changed.
"""

from __future__ import annotations

import urllib.error
from collections.abc import Mapping
from pathlib import Path

from slack_bolt.error import BoltError
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import DBAPIError

from bot.errors import InvalidField, InvalidInput, KickoffError
from bot.settings import Settings, SettingsError

# Slack's answers that mean the token itself is wrong, not the request.
TOKEN_REFUSALS = frozenset({
    "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired",
    "not_allowed_token_type",
})
UNCHANGED = "nothing was changed"


def read_bytes(path: Path, option: str | None = None) -> bytes:
    """The bytes of a file the operator named; when it cannot be read, a one-line refusal that
    names the option it was given with, if any."""
    try:
        return path.read_bytes()
    except OSError as exc:
        message = f"cannot read {path}: {exc.strerror or exc}"
        raise (InvalidField(option, message) if option else InvalidInput(message)) from None


def read_text(path: Path, option: str | None = None) -> str:
    """A UTF-8 text file the operator named, refused in one line like `read_bytes`."""
    try:
        return read_bytes(path, option).decode("utf-8")
    except UnicodeDecodeError:
        message = f"{path} is not UTF-8 text (save it as UTF-8)"
        raise (InvalidField(option, message) if option else InvalidInput(message)) from None


def explain(exc: BaseException, settings: Settings | None) -> tuple[str, int] | None:
    """The one line (and exit code) for a failure a person can fix; None for a bug."""
    if isinstance(exc, SettingsError):
        return f"configuration error: {exc}", 2
    if isinstance(exc, KickoffError):
        return str(exc), 1
    line = _slack_line(exc, settings) or _database_line(exc) or _file_line(exc)
    return (line, 1) if line else None


def in_options(refusal: InvalidField, options: Mapping[str, str]) -> InvalidInput:
    """A refusal of one field said with the option that was typed (`options`: field -> option),
    not the name it is stored under."""
    option = options.get(refusal.field)
    return InvalidInput(f"{option}: {refusal.message}" if option else refusal.message)


def slack_refusal(exc: SlackApiError) -> str:
    """Slack's error answer in words, with the fix when the token or a scope is the cause."""
    error = str(exc.response.get("error"))
    if error in TOKEN_REFUSALS:
        return (f"Slack refused the bot token ({error}): check SLACK_BOT_TOKEN (the app's "
                f"Bot User OAuth Token, xoxb-...); {UNCHANGED}")
    needed = exc.response.get("needed")
    scope = f" (the app needs the {needed} scope: add it and reinstall the app)" if needed else ""
    return f"Slack answered {error!r}{scope}; {UNCHANGED}"


def _slack_line(exc: BaseException, settings: Settings | None) -> str | None:
    where = settings.slack_api_url if settings else "Slack"
    if isinstance(exc, SlackApiError):
        return slack_refusal(exc)
    if isinstance(exc, BoltError):  # Bolt's auth.test when an app starts
        return (f"Slack refused to start the app ({exc}): check SLACK_BOT_TOKEN; "
                f"{UNCHANGED}")
    if isinstance(exc, urllib.error.URLError | ConnectionError | TimeoutError):
        reason = getattr(exc, "reason", None) or exc
        return (f"cannot reach Slack at {where} ({reason}): check the network and "
                f"SLACK_API_URL, then try again; {UNCHANGED}")
    return None


def _database_line(exc: BaseException) -> str | None:
    if not isinstance(exc, DBAPIError):
        return None
    text = str(exc.orig)
    if "no such table" in text or ("does not exist" in text and "relation" in text):
        return f"the database has no kickoff-bot tables yet: run `kickoff-bot db upgrade` first; " \
               f"{UNCHANGED}"
    if "database is locked" in text:
        return f"the database is locked by another process: try again when it is done; {UNCHANGED}"
    first = (text.strip().splitlines() or [text])[0]  # a driver's message can run to lines
    if "connect" in text or "could not translate host" in text:
        return f"cannot connect to the database ({first}): check DATABASE_URL; {UNCHANGED}"
    return f"database error: {first}; {UNCHANGED}"


def _file_line(exc: BaseException) -> str | None:
    if isinstance(exc, OSError) and exc.filename is not None:
        return f"cannot use {exc.filename}: {exc.strerror or exc}; {UNCHANGED}"
    return None
