"""FakeSlack: a real HTTP server on 127.0.0.1 that answers like the Slack Web API."""

from __future__ import annotations

import functools
import json
import socket
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from bot.fakeslack.faults import Faults
from bot.fakeslack.methods import METHODS, ApiError, Params
from bot.fakeslack.workspace import Call, Json, Workspace

# Params that slack_sdk sends as JSON strings inside form bodies.
_JSON_PARAMS = ("blocks", "attachments", "metadata", "view", "files")
Answer = tuple[int, Json, dict[str, str]]


class FakeSlack:
    """A fake Slack workspace behind a real HTTP server, for tests and the demo."""

    def __init__(
        self,
        *,
        team_id: str = "T0KICKOFF",
        team_name: str = "Kickoff Demo",
        bot_token: str = "xoxb-fake",
        bot_user_id: str = "UBOT",
    ) -> None:
        self.workspace = Workspace(team_id=team_id, team_name=team_name, bot_user_id=bot_user_id)
        self.faults = Faults()
        self.bot_token = bot_token
        self._server: _Server | None = None
        # The set-up, inspection and fault methods are the workspace's and the faults' own,
        # exposed as they are so their signatures and docstrings live in one place.
        ws, faults = self.workspace, self.faults
        self.add_user = ws.add_user
        self.update_user = ws.update_user
        self.add_channel = ws.add_channel
        self.user = ws.user
        self.dm_channel = ws.dm_channel
        self.messages = ws.messages
        self.replies = ws.replies
        self.home = ws.home
        self.calls_to = ws.calls_to
        self.clear_calls = ws.clear_calls
        self.response_url = ws.response_url
        self.trigger_id = ws.trigger_id
        self.fail_next = faults.fail_next
        self.fail_for_user = faults.fail_for_user
        self.set_random_faults = faults.set_random_faults
        self.limit_rate = faults.limit_rate
        self.set_latency = faults.set_latency

    def start(self) -> FakeSlack:
        """Listen on a free port of 127.0.0.1 and serve from a daemon thread (once)."""
        if self._server is None:
            self._server = _Server(self)
            self.workspace.base_url = f"http://127.0.0.1:{self._server.server_address[1]}"
            # A short poll keeps stop() quick (shutdown waits for the next poll); idle, it costs
            # a hundred cheap wake-ups a second.
            serve = functools.partial(self._server.serve_forever, poll_interval=0.01)
            threading.Thread(target=serve, name="fakeslack", daemon=True).start()
        return self

    def stop(self) -> None:
        """Stop serving and free the port."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeSlack:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        """The server's root, e.g. http://127.0.0.1:PORT."""
        return self.workspace.base_url

    @property
    def api_url(self) -> str:
        """The base_url to give WebClient (with its trailing slash)."""
        return f"{self.workspace.base_url}/api/"

    @property
    def calls(self) -> list[Call]:
        """Every authenticated call to a known method, oldest first."""
        return self.workspace.snapshot(self.workspace.calls)

    @property
    def views(self) -> dict[str, Json]:
        """Every view opened, pushed, updated or published, by view id."""
        return self.workspace.snapshot(self.workspace.views)

    @property
    def files(self) -> dict[str, Json]:
        """Completed uploads by file id: title, filename, content (bytes) and channels."""
        return self.workspace.snapshot(self.workspace.files)

    @property
    def responses(self) -> list[Json]:
        """Bodies posted to minted response_urls, oldest first."""
        return self.workspace.snapshot(self.workspace.responses)

    @property
    def rate_limited_calls(self) -> int:
        """How many 429 answers the fake has given, whatever the cause."""
        return self.faults.rate_limited_calls

    @property
    def retry_after_violations(self) -> int:
        """How many calls came while a Retry-After announced for their method was running."""
        return self.faults.retry_after_violations

    def wait_for(self, predicate: Callable[[], bool], timeout: float = 5.0) -> None:
        """Poll until `predicate()` is true; fail the test with the calls seen if it never is."""
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                seen = Counter(call.method for call in self.calls)
                raise AssertionError(
                    f"condition {getattr(predicate, '__qualname__', predicate)!s} still false "
                    f"after {timeout}s; API calls so far: {dict(seen) or 'none'}"
                )
            time.sleep(0.005)

    def answer_api(self, method: str, token: str, params: Params) -> Answer:
        """Serve one Web API call: status, JSON body and extra headers."""
        ws = self.workspace
        handler = METHODS.get(method)
        if handler is None:
            return 200, {"ok": False, "error": "unknown_method"}, {}
        if token != self.bot_token:
            return 200, {"ok": False, "error": "invalid_auth" if token else "not_authed"}, {}
        if self.faults.latency:
            time.sleep(self.faults.latency)
        # Checking the faults, running the method and counting the send under one lock keeps
        # the rate limits exact when many clients post at once.
        with ws.lock:
            ws.calls.append(Call(method, params, time.monotonic()))
            failure = self.faults.check(method, params)
            if failure is None:
                try:
                    body = handler(ws, params)
                except ApiError as error:
                    return 200, error.body(), {}
                self.faults.record_send(method, params)
                return 200, body, {}
        headers = {"Retry-After": str(failure.retry_after)} if failure.retry_after else {}
        return failure.status, {"ok": False, "error": failure.error}, headers


def parse_params(query: str, content_type: str, body: bytes) -> Params:
    """Merge query and body params, form or JSON, decoding the JSON-valued ones."""
    params: Params = dict(parse_qsl(query, keep_blank_values=True))
    kind = content_type.partition(";")[0].strip().lower()
    try:
        if kind == "application/json" and body:
            decoded = json.loads(body)
            if not isinstance(decoded, dict):
                raise ApiError("json_not_object")
            params.update(decoded)
        elif kind in ("application/x-www-form-urlencoded", "") and body:
            params.update(parse_qsl(body.decode(), keep_blank_values=True))
        elif body:
            raise ApiError("invalid_form_data", f"[ERROR] unsupported content type {kind}")
        for key in _JSON_PARAMS:
            if isinstance(params.get(key), str):
                params[key] = json.loads(params[key]) if params[key] else None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ApiError("invalid_arguments", "[ERROR] malformed request body") from None
    return params


def bearer_token(headers: Message, params: Params) -> str:
    """The token from the Authorization header, else from the `token` param (removed)."""
    param = str(params.pop("token", "") or "")
    scheme, _, token = headers.get("Authorization", "").partition(" ")
    return token if scheme.lower() == "bearer" and token else param


class _Server(ThreadingHTTPServer):
    """One thread per connection, none of them keeping the process alive."""

    daemon_threads = True
    request_queue_size = socket.SOMAXCONN  # the default of 5 refuses connections in bursts

    def __init__(self, fake: FakeSlack) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.fake = fake

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client hanging up mid-answer is normal under load; anything else is a bug to show.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    """Routes /api/<method>, /upload/<file id> and /response/<n>."""

    protocol_version = "HTTP/1.1"  # keep-alive for clients that reuse connections
    timeout = 60  # idle keep-alive connections release their thread eventually
    disable_nagle_algorithm = True  # headers and body go out in two writes; no 40 ms stalls
    server: _Server

    def do_GET(self) -> None:
        self._route()

    def do_POST(self) -> None:
        self._route()

    def log_message(self, format: str, *args: Any) -> None:
        """Stay silent: no per-request logging, and never a payload."""

    def _route(self) -> None:
        url = urlsplit(self.path)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        kind, _, name = url.path.strip("/").partition("/")
        workspace = self.server.fake.workspace
        if kind == "api":
            self._answer_api(name, url.query, body)
        elif kind == "upload" and workspace.receive_upload(name, body):
            self._send(200, f"OK - {len(body)}".encode(), "text/plain; charset=utf-8")
        elif kind == "response" and name.isdigit():
            self._answer_response_url(int(name), body)
        else:
            self._send(404, b"not found", "text/plain; charset=utf-8")

    def _answer_api(self, method: str, query: str, body: bytes) -> None:
        try:
            params = parse_params(query, self.headers.get("Content-Type", ""), body)
        except ApiError as error:
            self._send_json(200, error.body())
            return
        token = bearer_token(self.headers, params)
        try:
            status, answer, headers = self.server.fake.answer_api(method, token, params)
        except Exception:
            # A bug in the fake: answer as Slack does when it breaks, then let the server
            # print the traceback (handle_error) so the test run shows it.
            self._send_json(500, {"ok": False, "error": "fatal_error"})
            raise
        self._send_json(status, answer, headers)

    def _answer_response_url(self, number: int, body: bytes) -> None:
        try:
            payload = json.loads(body)
        except (UnicodeDecodeError, json.JSONDecodeError):
            payload = None
        if not isinstance(payload, dict):
            self._send(400, b"invalid_payload", "text/plain; charset=utf-8")
        elif self.server.fake.workspace.record_response(number, payload):
            self._send_json(200, {"ok": True})
        else:
            self._send(404, b"no such response_url", "text/plain; charset=utf-8")

    def _send_json(self, status: int, body: Json, headers: dict[str, str] | None = None) -> None:
        self._send(status, json.dumps(body).encode(), "application/json; charset=utf-8", headers)

    def _send(
        self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)
