"""`kickoff-bot worker` (the dispatcher alone) and `kickoff-bot run` (HTTP and dispatcher)."""

from __future__ import annotations

import argparse
from typing import Any

from bot.app import create_app
from bot.cli.runtime import Runtime
from bot.cli.serve import serve_http
from bot.settings import Settings
from scheduler.jobs import build_scheduler


def add_parser(subparsers: Any) -> None:
    """Register `worker` and `run`."""
    worker = subparsers.add_parser(
        "worker", help="send the outbox: plan and dispatch every message the bot posts on its own"
    )
    worker.set_defaults(run=run_worker)
    run = subparsers.add_parser(
        "run", help="serve HTTP and dispatch in one process (small installs)"
    )
    run.add_argument("--host", default="0.0.0.0", help="address to bind (default 0.0.0.0)")
    run.set_defaults(run=run_both)


def run_worker(args: argparse.Namespace, settings: Settings) -> int:
    """Run the dispatcher's jobs until interrupted; several workers may share one database."""
    runtime = Runtime(settings)
    runtime.client.auth_test()  # an unreachable Slack or a refused token: said now, in one line
    scheduler = build_scheduler(
        settings=settings, client=runtime.client, session_factory=runtime.session_factory,
        blocking=True,
    )
    try:
        scheduler.start()
    except (KeyboardInterrupt, SystemExit):
        scheduler.shutdown(wait=False)
    return 0


def run_both(args: argparse.Namespace, settings: Settings) -> int:
    """Serve the Slack endpoint and run the dispatcher in the background of the same process."""
    runtime = Runtime(settings)
    app = create_app(settings, runtime.session_factory)
    scheduler = build_scheduler(
        settings=settings, client=runtime.client, session_factory=runtime.session_factory,
        blocking=False,
    )
    scheduler.start()
    try:
        serve_http(app, runtime, host=args.host)
    finally:
        scheduler.shutdown(wait=False)
    return 0
