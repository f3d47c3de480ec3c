"""FakeSlack: a real HTTP server on 127.0.0.1 that answers like the Slack Web API."""

from __future__ import annotations

import functools
import threading
import time
from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from types import TracebackType

from bot.clock import Clock, system_clock
from bot.fakeslack.faults import Faults
from bot.fakeslack.files import FILE_METHODS, add_file
from bot.fakeslack.methods import METHODS, ApiError, Method, Params
from bot.fakeslack.transport import Answer, HttpServer

# Re-exported: they were defined here before the HTTP side moved to transport.py.
from bot.fakeslack.transport import bearer_token as bearer_token
from bot.fakeslack.transport import parse_params as parse_params
from bot.fakeslack.workspace import Call, Json, Workspace


class FakeSlack:
    """A fake Slack workspace behind a real HTTP server, for tests and the demo."""

    def __init__(
        self,
        *,
        team_id: str = "T0KICKOFF",
        team_name: str = "Kickoff Demo",
        bot_token: str = "xoxb-fake",
        bot_user_id: str = "UBOT",
        clock: Clock | None = None,
    ) -> None:
        # Slack's own timestamps, Retry-After and rate windows run on the clock kickoff-bot
        # reads, so a test on a virtual clock sees no real waits anywhere.
        self.clock = clock or system_clock()
        self.workspace = Workspace(
            team_id=team_id, team_name=team_name, bot_user_id=bot_user_id, clock=self.clock
        )
        self.faults = Faults(lambda: self.clock.now().timestamp())
        self.bot_token = bot_token
        self._server: HttpServer | None = None
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
        self.add_file = functools.partial(add_file, ws)  # a member shares a file (file_input)

    def start(self) -> FakeSlack:
        """Listen on a free port of 127.0.0.1 and serve from a daemon thread (once)."""
        if self._server is None:
            self._server = HttpServer(self)
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

    def wait_for(self, predicate: Callable[[], bool], timeout: float = 30.0) -> None:
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
        handler = METHODS.get(method) or FILE_METHODS.get(method)
        if handler is None:
            return 200, {"ok": False, "error": "unknown_method"}, {}
        if token != self.bot_token:
            return 200, {"ok": False, "error": "invalid_auth" if token else "not_authed"}, {}
        answer = self._serve(method, handler, params)
        delay = self.faults.latency_for(method)
        if delay:
            # Slack acts on a call when it arrives (a trigger_id is checked then) and answers late.
            self.clock.sleep_until(self.clock.now() + timedelta(seconds=delay))
        return answer

    def _serve(self, method: str, handler: Method, params: Params) -> Answer:
        ws = self.workspace
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
