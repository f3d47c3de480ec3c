"""Logging set-up that never writes tokens or request payloads."""

from __future__ import annotations

import logging

# These libraries log whole request and response bodies at DEBUG (tokens, what people typed).
PAYLOAD_LOGGERS = ("slack_sdk", "slack_bolt", "urllib3")


def configure_logging(level: str) -> None:
    """Log at `level`, keeping the payload-logging libraries at INFO or quieter."""
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    numeric = logging.getLevelNamesMapping()[level]
    for name in PAYLOAD_LOGGERS:
        logging.getLogger(name).setLevel(max(numeric, logging.INFO))
