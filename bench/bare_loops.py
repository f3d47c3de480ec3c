"""The yardsticks the dispatcher is measured against: bare chat.postMessage loops.

A sequential WebClient loop; 32 threads sharing an in-process token bucket; and, to weigh a
pooled transport, the same threads posting over kept-alive connections (http.client) instead of
slack_sdk's default urllib transport, which opens a connection per call.
"""

from __future__ import annotations

import http.client
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlencode, urlsplit

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bench.fake_slack_process import TOKEN
from bot.clock import system_clock

TEXT = "Day 1 of 5: one new activity, one small win?"
THREADS = 32


@dataclass(frozen=True)
class LoopRun:
    """A bare loop's sends, seconds, CPU seconds of this process, and 429s met."""

    sent: int
    seconds: float
    cpu: float
    rate_limited: int

    @property
    def per_second(self) -> float:
        """Sends a second."""
        return self.sent / self.seconds


class Bucket:
    """An in-process token bucket holding one token: sends spread evenly at `per_second`."""

    def __init__(self, per_second: float) -> None:
        self._gap = timedelta(seconds=1 / per_second)
        self._lock = threading.Lock()
        self._next: datetime | None = None

    def take(self) -> None:
        """Wait for the next token."""
        clock = system_clock()
        with self._lock:
            at = max(self._next or clock.now(), clock.now())
            self._next = at + self._gap
        clock.sleep_until(at)


def sequential(api_url: str, users: list[str]) -> LoopRun:
    """One WebClient posting to each user in turn."""
    client = WebClient(token=TOKEN, base_url=api_url)
    return _timed(users, lambda user: _post(client, user), threads=1)


def threaded(api_url: str, users: list[str], per_second: float | None) -> LoopRun:
    """THREADS threads of one WebClient, each send taking a token first (None: no bucket)."""
    client = WebClient(token=TOKEN, base_url=api_url)
    bucket = Bucket(per_second) if per_second else None

    def send(user: str) -> bool:
        if bucket is not None:
            bucket.take()
        return _post(client, user)

    return _timed(users, send, threads=THREADS)


def pooled(api_url: str, users: list[str]) -> LoopRun:
    """THREADS threads, each posting over its own kept-alive HTTP connection."""
    parts = urlsplit(api_url)
    local = threading.local()

    def send(user: str) -> bool:
        if not hasattr(local, "connection"):
            local.connection = http.client.HTTPConnection(parts.hostname or "", parts.port)
        body = urlencode({"channel": user, "text": TEXT})
        local.connection.request(
            "POST",
            f"{parts.path}chat.postMessage",
            body=body,
            headers={"Authorization": f"Bearer {TOKEN}",
                     "Content-Type": "application/x-www-form-urlencoded"},
        )
        response: http.client.HTTPResponse = local.connection.getresponse()
        response.read()
        return response.status != 429

    return _timed(users, send, threads=THREADS)


def _post(client: WebClient, user: str) -> bool:
    try:
        client.chat_postMessage(channel=user, text=TEXT)
    except SlackApiError as exc:
        if exc.response.status_code == 429:
            return False
        raise
    return True


def _timed(users: list[str], send: Callable[[str], bool], *, threads: int) -> LoopRun:
    started, cpu = time.perf_counter(), time.process_time()
    with ThreadPoolExecutor(threads) as pool:
        answers = list(pool.map(send, users))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return LoopRun(answers.count(True), seconds, cpu, answers.count(False))
