"""Domain errors, and the one Bolt error handler that turns them into messages for the user."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import App

log = logging.getLogger(__name__)

UNEXPECTED = (
    "Something went wrong on our side and nothing was changed. "
    "Please try again; if it keeps happening, tell your kickoff admin."
)


class KickoffError(Exception):
    """An error whose message is written for the person who acted."""


class NotAllowed(KickoffError):
    """The caller's roles do not allow this."""


class NotFound(KickoffError):
    """A program, person or item the caller named does not exist."""


class InvalidInput(KickoffError):
    """Input the caller typed is not acceptable; the message says why."""


def register_error_handler(app: App) -> None:
    """Answer every failed listener with an ephemeral message, never a stack trace."""

    @app.error
    def handle_error(error: Exception, respond: Callable[..., Any] | None) -> None:
        if isinstance(error, KickoffError):
            message = str(error)
        else:
            # The type and traceback are logged; the payload is not (it holds what people typed).
            log.error("listener failed: %s", type(error).__name__, exc_info=error)
            message = UNEXPECTED
        if respond is not None:
            respond(text=message, response_type="ephemeral", replace_original=False)
