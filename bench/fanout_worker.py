"""One dispatcher process of the fan-out benchmark: connects, says "ready", waits for a line on
stdin, sends everything due, and prints what it did as JSON."""

from __future__ import annotations

import argparse
import json
import sys

from slack_sdk import WebClient

from bench.fake_slack_process import TOKEN
from bot.clock import system_clock
from db.session import make_engine, make_session_factory
from scheduler.config import DispatchConfig
from scheduler.dispatcher import Dispatcher


def main() -> None:
    """Wait for the signal, dispatch once, report."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--api-url", required=True)
    parser.add_argument("--per-minute", type=float, required=True)
    parser.add_argument("--lanes", type=int, required=True)
    options = parser.parse_args()
    engine = make_engine(options.database_url, pool_size=options.lanes + 4)
    dispatcher = Dispatcher(
        session_factory=make_session_factory(engine),
        client=WebClient(token=TOKEN, base_url=options.api_url),
        planners=[],
        config=DispatchConfig(
            per_minute=options.per_minute, channel_interval=0.0, lanes=options.lanes
        ),
    )
    with engine.connect():
        pass
    print("ready", flush=True)
    sys.stdin.readline()
    clock = system_clock()
    started = clock.now()
    result = dispatcher.dispatch(now=started)
    ended = clock.now()
    dispatcher.close()
    report = {"sent": result.sent, "rate_limited": result.rate_limited,
              "started": started.timestamp(), "ended": ended.timestamp()}
    print(json.dumps(report), flush=True)


if __name__ == "__main__":
    main()
