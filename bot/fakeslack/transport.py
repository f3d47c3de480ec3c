"""The HTTP side of the fake: routes requests to FakeSlack and writes its answers back."""

from __future__ import annotations

import json
import socket
import sys
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol
from urllib.parse import parse_qsl, urlsplit

from bot.fakeslack.files import private_download
from bot.fakeslack.methods import ApiError, Params
from bot.fakeslack.workspace import Json, Workspace

# An API answer: HTTP status, JSON body, extra headers.
Answer = tuple[int, Json, dict[str, str]]

# Params that slack_sdk sends as JSON strings inside form bodies.
_JSON_PARAMS = ("blocks", "attachments", "metadata", "view", "files")


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


class Backend(Protocol):
    """What the HTTP side serves (FakeSlack is one): its answers, workspace and bot token."""

    workspace: Workspace
    bot_token: str

    def answer_api(self, method: str, token: str, params: Params) -> Answer: ...


class HttpServer(ThreadingHTTPServer):
    """One thread per connection, none of them keeping the process alive."""

    daemon_threads = True
    request_queue_size = socket.SOMAXCONN  # the default of 5 refuses connections in bursts

    def __init__(self, fake: Backend) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.fake = fake

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client hanging up mid-answer is normal under load; anything else is a bug to show.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    """Routes /api/<method>, /upload/<file id>, /files-pri/<file> and /response/<n>."""

    protocol_version = "HTTP/1.1"  # keep-alive for clients that reuse connections
    timeout = 60  # idle keep-alive connections release their thread eventually
    disable_nagle_algorithm = True  # headers and body go out in two writes; no 40 ms stalls
    server: HttpServer

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
        elif kind == "files-pri":
            self._answer_download(name)
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

    def _answer_download(self, path: str) -> None:
        """A private file, only for the bot token (Slack serves these to authorized clients)."""
        fake = self.server.fake
        if bearer_token(self.headers, {}) != fake.bot_token:
            self._send(403, b"not_authed", "text/plain; charset=utf-8")
            return
        content = private_download(fake.workspace, path)
        if content is None:
            self._send(404, b"not found", "text/plain; charset=utf-8")
        else:
            self._send(200, content, "application/octet-stream")

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
