"""slack_sdk's WebClient over kept-alive connections: one per sending thread, reused.

slack_sdk's default transport (urllib) opens a connection per call: a TCP handshake (against
Slack, a TLS one too) and, at the other end, a new connection to serve for every message. Kept
alive, a send costs the dispatcher about half the CPU (README: "How fast it sends"), CPU that
pacing needs on a busy machine: a sender thread waiting for the interpreter is a send gone out
late. Only the HTTP exchange changes: slack_sdk still builds every request and reads every
answer, so errors, 429s and the absence of automatic retries are as before. A connection that
fails is dropped and the failure raised like urllib's (an OSError: the outcome is unknown and
the row is reconciled before any resend); the next call opens a fresh one.
"""

from __future__ import annotations

import threading
import time
from http.client import HTTPConnection, HTTPSConnection
from typing import Any
from urllib.parse import SplitResult, urlsplit
from urllib.request import Request

from slack_sdk import WebClient

# Reuse a connection idle at most this long: servers close idle ones (the fake after 60 s), and a
# post on a connection closed under it would come back with an unknown outcome.
IDLE_SECONDS = 20.0


class KeptAliveClient(WebClient):
    """A WebClient whose calls from one thread share one kept-alive connection."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._local = threading.local()

    def _perform_urllib_http_request_internal(self, url: str, req: Request) -> dict[str, Any]:
        # slack_sdk's hook for one HTTP exchange (private: every test sending to the fake Slack
        # server goes through it, so a change in slack_sdk shows there).
        parts = urlsplit(url)
        if self.proxy is not None or parts.scheme not in ("http", "https"):
            return super()._perform_urllib_http_request_internal(url, req)
        connection = self._connection(parts)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        try:
            connection.request("POST", path, body=req.data, headers=dict(req.header_items()))
            response = connection.getresponse()
            body = response.read()
        except Exception:
            self._drop()
            raise
        if response.will_close:
            self._drop()
        else:
            self._local.used = time.monotonic()
        charset = response.headers.get_content_charset() or "utf-8"
        return {"status": response.status, "headers": dict(response.getheaders()),
                "body": body.decode(charset)}

    def _connection(self, parts: SplitResult) -> HTTPConnection:
        held: HTTPConnection | None = getattr(self._local, "connection", None)
        address = (parts.scheme, parts.hostname, parts.port)
        fresh = time.monotonic() - getattr(self._local, "used", 0.0) < IDLE_SECONDS
        if held is not None and fresh and self._local.address == address:
            return held
        self._drop()
        if parts.scheme == "https":
            held = HTTPSConnection(parts.hostname or "", parts.port, timeout=self.timeout,
                                   context=self.ssl)
        else:
            held = HTTPConnection(parts.hostname or "", parts.port, timeout=self.timeout)
        self._local.connection, self._local.address = held, address
        return held

    def _drop(self) -> None:
        held: HTTPConnection | None = getattr(self._local, "connection", None)
        if held is not None:
            held.close()
        self._local.connection = None
