"""`kickoff-bot serve` (HTTP, production) and `kickoff-bot socket` (Socket Mode, development)."""

from __future__ import annotations

import argparse
import logging
from typing import Any

import waitress
from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.app import create_app
from bot.cli.runtime import Runtime
from bot.settings import Settings
from bot.web import EVENTS_PATH, create_wsgi_app

log = logging.getLogger(__name__)


def add_parser(subparsers: Any) -> None:
    """Register `serve` and `socket`."""
    serve = subparsers.add_parser(
        "serve", help=f"serve POST {EVENTS_PATH} and GET /healthz over HTTP (stateless; replicable)"
    )
    serve.add_argument("--host", default="0.0.0.0", help="address to bind (default 0.0.0.0)")
    serve.add_argument("--threads", type=int, default=8, help="worker threads (default 8)")
    serve.set_defaults(run=run_serve)
    socket = subparsers.add_parser(
        "socket", help="connect over Socket Mode (needs SLACK_APP_TOKEN)"
    )
    socket.set_defaults(run=run_socket)


def run_serve(args: argparse.Namespace, settings: Settings) -> int:
    """Serve the Slack endpoint with waitress until interrupted."""
    runtime = Runtime(settings)
    settings.signing_secret()  # fail with a clear line before binding the port
    app = create_app(settings, runtime.session_factory)
    log.info("listening on %s:%s%s", args.host, settings.port, EVENTS_PATH)
    waitress.serve(
        create_wsgi_app(app, runtime.engine),
        host=args.host,
        port=settings.port,
        threads=args.threads,
    )
    return 0


def run_socket(args: argparse.Namespace, settings: Settings) -> int:
    """Connect to Slack over Socket Mode until interrupted."""
    app_token = settings.app_token()
    runtime = Runtime(settings)
    app = create_app(settings, runtime.session_factory)
    SocketModeHandler(app, app_token).start()  # type: ignore[no-untyped-call]  # untyped in Bolt
    return 0
