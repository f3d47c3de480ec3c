"""Every listener's failures answered to the person who acted: clearly, never a stack trace.

Listeners are registered through `Listeners`, which wraps each one so that an exception never
reaches Bolt. That matters beyond tidiness: Bolt's threaded runner, when a listener raises after
calling ack(), resets the ack, and if its wait loop had not yet seen the ack, Slack gets no
answer for three seconds and then a 404. A listener that fails before its ack (forged or
malformed metadata, read before a modal's answer) is acknowledged by the wrapper at once.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.program_modal import build_notice_view
from bot.blocks.text import escape
from bot.errors import KickoffError

log = logging.getLogger(__name__)

UNEXPECTED = (
    "Something went wrong on our side and nothing was changed. "
    "Please try again; if it keeps happening, tell your kickoff admin."
)
NOT_CHANGED = "Nothing changed"  # the title of a submitted modal that failed
# What a wrapped listener receives besides its own arguments, to answer a failure.
ANSWERING = ("ack", "respond", "client", "body")
Listener = Callable[..., Any]


def message_for(error: Exception) -> str:
    """What to tell the person; unexpected errors are logged (type and traceback, no payload)."""
    if isinstance(error, KickoffError):
        return str(error)
    log.error("listener failed: %s", type(error).__name__, exc_info=error)
    return UNEXPECTED


def answer_error(
    error: Exception, *, respond: Any, client: WebClient, body: dict[str, Any]
) -> None:
    """Tell the person who acted what went wrong: in place when Slack gave a response_url, else
    by DM (a click in a modal or the App Home has nowhere else to answer)."""
    # Error texts may quote what someone typed: escaped, they can ping nobody.
    tell(escape(message_for(error)), respond=respond, client=client, body=body)


def tell(message: str, *, respond: Any, client: WebClient, body: dict[str, Any]) -> None:
    """Say `message` to the person who acted: in place, else by DM."""
    try:
        if respond is not None and body.get("response_url"):
            respond(text=message, response_type="ephemeral", replace_original=False)
            return
        user_id = (body.get("user") or {}).get("id") or body.get("user_id")
        if user_id:
            client.chat_postMessage(channel=user_id, text=message)
    except SlackApiError as exc:
        log.warning("could not tell the user about a failure: %s", exc.response.get("error"))


def answering_errors(listener: Listener) -> Listener:
    """`listener`, made to answer its own failures; Bolt still injects its arguments by name."""
    own = inspect.signature(listener).parameters

    def wrapped(**kwargs: Any) -> Any:
        try:
            return listener(**{name: value for name, value in kwargs.items() if name in own})
        except Exception as error:
            message = escape(message_for(error))
            if not _acked_with(message, ack=kwargs["ack"], body=kwargs["body"]):
                tell(message, respond=kwargs["respond"], client=kwargs["client"],
                     body=kwargs["body"])
            return None

    extra = [
        inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD)
        for name in ANSWERING
        if name not in own
    ]
    wrapped.__signature__ = inspect.Signature([*own.values(), *extra])  # type: ignore[attr-defined]
    wrapped.__name__ = getattr(listener, "__name__", "listener")
    wrapped.__qualname__ = getattr(listener, "__qualname__", wrapped.__name__)
    wrapped.__doc__ = listener.__doc__
    return wrapped


def _acked_with(message: str, *, ack: Ack | None, body: dict[str, Any]) -> bool:
    """Acknowledge a listener that failed before its ack, so Slack hears back at once; True when
    the submitted modal itself now shows `message`."""
    if ack is None or ack.response is not None:
        return False
    if body.get("type") == "view_submission":
        ack(response_action="update", view=build_notice_view(NOT_CHANGED, message))
        return True
    ack()
    return False


class Listeners:
    """Registers listeners on a Bolt App, each wrapped by `answering_errors`."""

    def __init__(self, app: App) -> None:
        self.app = app

    def command(self, *args: Any, **kwargs: Any) -> Callable[[Listener], Listener]:
        """Like App.command."""
        return self._wrapping(self.app.command(*args, **kwargs))

    def action(self, *args: Any, **kwargs: Any) -> Callable[[Listener], Listener]:
        """Like App.action."""
        return self._wrapping(self.app.action(*args, **kwargs))

    def view(self, *args: Any, **kwargs: Any) -> Callable[[Listener], Listener]:
        """Like App.view."""
        return self._wrapping(self.app.view(*args, **kwargs))

    def event(self, *args: Any, **kwargs: Any) -> Callable[[Listener], Listener]:
        """Like App.event."""
        return self._wrapping(self.app.event(*args, **kwargs))

    def options(self, *args: Any, **kwargs: Any) -> Callable[[Listener], Listener]:
        """Like App.options."""
        return self._wrapping(self.app.options(*args, **kwargs))

    @staticmethod
    def _wrapping(register: Callable[[Listener], Any]) -> Callable[[Listener], Listener]:
        def wrap(listener: Listener) -> Listener:
            register(answering_errors(listener))
            return listener

        return wrap


def register_error_handler(app: App) -> None:
    """Answer failures outside listeners (middleware) the same way."""

    @app.error
    def handle_error(
        error: Exception, respond: Any, client: WebClient, body: dict[str, Any]
    ) -> None:
        answer_error(error, respond=respond, client=client, body=body)
