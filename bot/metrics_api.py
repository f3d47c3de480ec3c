"""`POST /api/v1/metrics?program=ID`: metric values from another system (a CRM, a BI job).

The body is JSON, `{"rows": [{"email" or "slack_id", "metric", "period", "value"}, ...]}`, at most
5,000 rows and 1 MB; a bearer token scoped to the program (`kickoff-bot api-token create`).
Answers: 200 with the counts; 401 for a missing, unknown, revoked, expired or other program's
token (one answer for all); 413 for a body over 1 MB (refused before it is read) or over 5,000
rows; 400 for a body that is not JSON (NaN and infinities are not); 422 listing each bad row;
429 with Retry-After above the per-token rate. Nothing is stored on any error. Requests run on
the HTTP server's threads, never on Slack's listener threads, and the Authorization header is
never logged.
"""

from __future__ import annotations

import json
import logging
import math
import threading
from collections import deque
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.services.metrics.api_rows import MAX_ROWS, store_api_rows
from bot.services.metrics.tokens import valid_token

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIEnvironment

log = logging.getLogger(__name__)
API_PATH = "/api/v1/metrics"
MAX_BYTES = 1_000_000
RATE = 30  # calls per token per RATE_WINDOW
RATE_WINDOW = timedelta(minutes=1)
JSON_TYPE = ("Content-Type", "application/json; charset=utf-8")
Answer = tuple[str, list[tuple[str, str]], dict[str, Any]]


class RateLimit:
    """At most `calls` per token in any `window`, counted in this process."""

    def __init__(self, clock: Clock, calls: int = RATE, window: timedelta = RATE_WINDOW) -> None:
        self._clock, self._calls, self._window = clock, calls, window
        self._seen: dict[int, deque[datetime]] = {}
        self._lock = threading.Lock()

    def retry_after(self, token_id: int) -> int | None:
        """Seconds to wait before the token may call again; None: it may call now (counted)."""
        now = self._clock.now()
        with self._lock:
            seen = self._seen.setdefault(token_id, deque())
            while seen and seen[0] <= now - self._window:
                seen.popleft()
            if len(seen) >= self._calls:
                return max(1, math.ceil((seen[0] + self._window - now).total_seconds()))
            seen.append(now)
            return None


def metrics_api(
    session_factory: sessionmaker[Session], clock: Clock, limit: RateLimit | None = None
) -> Callable[[WSGIEnvironment, StartResponse], Iterable[bytes]]:
    """The WSGI app answering API_PATH."""
    rate = limit or RateLimit(clock)

    def wsgi(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        status, headers, body = _answer(environ, session_factory, clock, rate)
        # what was asked and answered; never the Authorization header or the body
        log.info("POST %s?program=%s: %s", API_PATH,
                 parse_qs(environ.get("QUERY_STRING", "")).get("program", [""])[0][:80], status)
        start_response(status, [JSON_TYPE, *headers])
        return [json.dumps(body).encode()]

    return wsgi


def _answer(
    environ: WSGIEnvironment, session_factory: sessionmaker[Session], clock: Clock,
    rate: RateLimit,
) -> Answer:
    if environ.get("REQUEST_METHOD") != "POST":
        return "405 Method Not Allowed", [("Allow", "POST")], {"error": "use POST"}
    secret = _bearer(environ.get("HTTP_AUTHORIZATION", ""))
    program = parse_qs(environ.get("QUERY_STRING", "")).get("program", [""])[0]
    with session_factory.begin() as session:
        token = valid_token(session=session, secret=secret, program_ref=program,
                            now=clock.now()) if secret else None
        if token is None:
            return ("401 Unauthorized", [("WWW-Authenticate", "Bearer")],
                    {"error": "a valid, unexpired token for this program is needed "
                              "(?program=ID and Authorization: Bearer TOKEN)"})
        wait = rate.retry_after(token.id)
        if wait is not None:
            return ("429 Too Many Requests", [("Retry-After", str(wait))],
                    {"error": f"more than {RATE} calls a minute with this token"})
        items = _rows_of(environ)
        if isinstance(items, tuple):
            return items
        report, problems = store_api_rows(session=session, token=token, items=items,
                                          now=clock.now())
        if report is None:  # nothing was written: rows are checked before any is stored
            return ("422 Unprocessable Entity", [], {
                "error": "nothing was stored; fix these rows and send them all again",
                "rows": [{"row": p.where, "error": p.reason} for p in problems]})
        return "200 OK", [], {"added": report.added, "updated": report.updated,
                              "unchanged": report.unchanged}


def _bearer(header: str) -> str:
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" else ""


def _rows_of(environ: WSGIEnvironment) -> list[Any] | Answer:
    """The body's rows, or the answer refusing it; a body over MAX_BYTES is never read."""
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = -1
    if length > MAX_BYTES:
        return "413 Content Too Large", [], {"error": f"the body is over {MAX_BYTES} bytes"}
    if length < 0:
        return "400 Bad Request", [], {"error": "Content-Length is not a number"}
    try:
        data = json.loads(environ["wsgi.input"].read(length), parse_constant=_no_constants)
    except (ValueError, UnicodeDecodeError) as exc:
        return "400 Bad Request", [], {"error": f"the body is not JSON: {exc}"}
    rows = data.get("rows") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        return "400 Bad Request", [], {"error": 'the body must be {"rows": [...]}'}
    if len(rows) > MAX_ROWS:
        return "413 Content Too Large", [], {"error": f"{len(rows)} rows; at most {MAX_ROWS}"}
    return rows


def _no_constants(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")
