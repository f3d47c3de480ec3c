"""Logging set-up that never writes tokens or request payloads."""

from __future__ import annotations

import logging

# The logger Bolt is given as the app's: its own debug lines (with response bodies) and, in
# Socket Mode, slack_sdk's client (every envelope at DEBUG) log through it.
BOLT_APP_LOGGER = "kickoff.bolt"
# These log whole request and response bodies at DEBUG (tokens, what people typed), and nothing
# of that kind at INFO or above: bot/web.py refuses unverified requests before Bolt, whose own
# check logged their bodies at INFO, sees them.
PAYLOAD_LOGGERS = ("slack_sdk", "slack_bolt", "urllib3", BOLT_APP_LOGGER)


def configure_logging(level: str) -> None:
    """Log at `level`, keeping the payload-logging libraries at INFO or quieter."""
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    numeric = logging.getLevelNamesMapping()[level]
    for name in PAYLOAD_LOGGERS:
        logging.getLogger(name).setLevel(max(numeric, logging.INFO))
