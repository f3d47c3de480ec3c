"""The fake Slack server in a process of its own, so a benchmark's client has a core to itself.

Started by `FakeSlackProcess`; it prints its API URL, then answers one line on stdin with its
counters as JSON, and stops when stdin closes.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

from bot.fakeslack import FakeSlack

TOKEN = "xoxb-bench"


def serve(users: int, per_minute: int | None, window: float, latency: float) -> None:
    """Run the fake with `users` members until stdin closes: sends limited to `per_minute`
    counted over a `window` of seconds, every answer `latency` seconds late."""
    with FakeSlack(bot_token=TOKEN).start() as fake:
        for n in range(users):
            fake.add_user(f"UB{n:06d}", name=f"user{n}", tz="Europe/Berlin")
        fake.limit_rate(per_workspace_per_minute=per_minute, workspace_window=window)
        fake.set_latency(latency)
        print(fake.api_url, flush=True)
        counted = 0  # 429s already reported
        for _ in sys.stdin:
            posts = len(fake.calls_to("chat.postMessage"))
            drawn, counted = fake.rate_limited_calls - counted, fake.rate_limited_calls
            print(json.dumps({"posts": posts, "rate_limited": drawn}), flush=True)
            fake.clear_calls()


class FakeSlackProcess:
    """A FakeSlack served from a child process."""

    def __init__(
        self,
        *,
        users: int,
        per_minute: int | None = None,
        window: float = 60.0,
        latency: float = 0.0,
    ) -> None:
        arguments = ["--users", str(users), "--window", str(window), "--latency", str(latency)]
        arguments += ["--per-minute", str(per_minute)] if per_minute else []
        self._process = subprocess.Popen(
            [sys.executable, "-m", "bench.fake_slack_process", *arguments],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._process.stdout is not None
        self.api_url = self._process.stdout.readline().strip()

    def counters(self) -> dict[str, int]:
        """Calls counted since the last read (posts and 429s), then reset."""
        assert self._process.stdin is not None
        assert self._process.stdout is not None
        self._process.stdin.write("counters\n")
        self._process.stdin.flush()
        counters: dict[str, int] = json.loads(self._process.stdout.readline())
        return counters

    def stop(self) -> None:
        """Close stdin, which ends the child."""
        assert self._process.stdin is not None
        self._process.stdin.close()
        self._process.wait(timeout=10)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, required=True)
    parser.add_argument("--per-minute", type=int, default=None)
    parser.add_argument("--window", type=float, default=60.0)
    parser.add_argument("--latency", type=float, default=0.0)
    options = parser.parse_args()
    serve(options.users, options.per_minute, options.window, options.latency)
