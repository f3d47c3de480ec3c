"""`kickoff-bot serve` (HTTP, production) and `kickoff-bot socket` (Socket Mode, development)."""

from __future__ import annotations

import argparse
import logging
from typing import Any

import waitress
from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.app import create_app
from bot.cli.runtime import Runtime
from bot.metrics_api import API_PATH, metrics_api
from bot.settings import Settings
from bot.verify import RequestGate
from bot.web import EVENTS_PATH, create_wsgi_app

log = logging.getLogger(__name__)


def add_parser(subparsers: Any) -> None:
    """Register `serve` and `socket`."""
    serve = subparsers.add_parser(
        "serve", help=f"serve POST {EVENTS_PATH}, POST {API_PATH} and GET /healthz over HTTP "
        "(stateless; replicable)"
    )
    serve.add_argument("--host", default="0.0.0.0", help="address to bind (default 0.0.0.0)")
    serve.set_defaults(run=run_serve)
    socket = subparsers.add_parser(
        "socket", help="connect over Socket Mode (needs SLACK_APP_TOKEN)"
    )
    socket.set_defaults(run=run_socket)


def run_serve(args: argparse.Namespace, settings: Settings) -> int:
    """Serve the Slack endpoint with waitress until interrupted."""
    settings.signing_secret()  # the first thing `serve` needs: say so before anything else
    runtime = Runtime(settings)
    app = create_app(settings, runtime.session_factory)
    serve_http(app, runtime, host=args.host)
    return 0


def serve_http(app: App, runtime: Runtime, *, host: str) -> None:
    """Serve `app` and /healthz with waitress on PORT (HTTP_THREADS threads) until interrupted."""
    settings = runtime.settings
    log.info("listening on %s:%s%s", host, settings.port, EVENTS_PATH)
    gate = RequestGate(settings.signing_secret())
    api = metrics_api(runtime.session_factory, runtime.clock)
    wsgi = create_wsgi_app(app, runtime.engine, gate, api=api)
    waitress.serve(wsgi, host=host, port=settings.port, threads=settings.http_threads)


def run_socket(args: argparse.Namespace, settings: Settings) -> int:
    """Connect to Slack over Socket Mode until interrupted."""
    app_token = settings.app_token()
    runtime = Runtime(settings)
    app = create_app(settings, runtime.session_factory)
    socket_mode_handler(app, app_token).start()  # type: ignore[no-untyped-call]  # untyped in Bolt
    return 0


def socket_mode_handler(app: App, app_token: str) -> SocketModeHandler:
    """Bolt's Socket Mode handler; its client logs through the app's logger, every envelope at
    DEBUG, which is why bot/logs.py keeps that logger at INFO or quieter."""
    return SocketModeHandler(app, app_token)
