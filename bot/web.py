"""The HTTP surface: Slack's events endpoint, the metrics API and a health check, served by
waitress."""

from __future__ import annotations

import contextlib
import io
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError
from waitress.server import BaseWSGIServer, create_server
from waitress.wasyncore import close_all

from bot.metrics_api import API_PATH
from bot.verify import RequestGate

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

EVENTS_PATH = "/slack/events"


def create_wsgi_app(
    app: App, engine: Engine, gate: RequestGate, *, api: WSGIApplication | None = None
) -> WSGIApplication:
    """`GET /healthz`, which checks the database; `api` (the metrics API) at API_PATH, with its
    own bearer tokens; everything else to Bolt, once `gate` lets it."""
    slack = SlackRequestHandler(app, path=EVENTS_PATH)

    def wsgi(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        if api is not None and environ.get("PATH_INFO") == API_PATH:
            return api(environ, start_response)
        if environ.get("PATH_INFO") == "/healthz":
            healthy = _database_answers(engine)
            status = "200 OK" if healthy else "503 Service Unavailable"
            start_response(status, [("Content-Type", "text/plain; charset=utf-8")])
            return [b"ok\n" if healthy else b"database unreachable\n"]
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        refusal = gate.refusal(
            body,
            timestamp=environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP"),
            signed=environ.get("HTTP_X_SLACK_SIGNATURE"),
            content_type=environ.get("CONTENT_TYPE"),
        )
        if refusal is not None:
            # Nothing is logged and no reason given: a forger learns nothing, and no body is kept.
            start_response(refusal, [("Content-Type", "text/plain; charset=utf-8")])
            return [refusal.encode() + b"\n"]
        return slack({**environ, "wsgi.input": io.BytesIO(body)}, start_response)

    return wsgi


def _database_answers(engine: Engine) -> bool:
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError:
        return False
    return True


class BackgroundServer:
    """A waitress server on a thread (tests and the demo): the same server `serve` runs."""

    def __init__(
        self, wsgi: WSGIApplication, *, host: str = "127.0.0.1", port: int = 0, threads: int = 8
    ) -> None:
        # A short loop timeout lets stop() return at once instead of after waitress's 1 s default.
        server = create_server(
            wsgi, host=host, port=port, threads=threads, asyncore_loop_timeout=0.05
        )
        assert isinstance(server, BaseWSGIServer)  # one host and port: a single-socket server
        self._server = server
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    @property
    def url(self) -> str:
        """The base URL the server listens on."""
        return f"http://127.0.0.1:{int(self._server.getsockname()[1])}"

    def start(self) -> BackgroundServer:
        """Start serving; returns self."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and wait for the thread.

        The sockets are closed from inside waitress's own loop (through its trigger): closing them
        from this thread while the loop polls them makes the loop fail with a bad descriptor.
        """
        server = self._server
        wake: Any = server.trigger  # waitress's stubs type these loosely
        sockets: Any = server.__dict__["_map"]
        with contextlib.suppress(OSError):  # the loop may have stopped and closed its trigger
            wake.pull_trigger(lambda: close_all(sockets))
        self._thread.join(timeout=5)
        close_all(sockets)  # whatever is still open once the loop is gone
        server.task_dispatcher.shutdown()
