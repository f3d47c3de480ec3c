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


# APScheduler's loggers, and the lines each job run writes there: a worker runs its jobs every
# few seconds (about 90,000 lines a day), and none of them is something an operator acts on.
SCHEDULER_LOGGERS = ("apscheduler.executors.default", "apscheduler.scheduler")
ROUTINE_JOB_LINES = (
    "Running job", "executed successfully", "skipped: maximum number of running instances",
    "was missed by",
)


class RoutineJobLines(logging.Filter):
    """Demote APScheduler's per-run lines to DEBUG; a job that fails still logs an ERROR."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not any(line in str(record.msg) for line in ROUTINE_JOB_LINES):
            return True
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return logging.getLogger(record.name).isEnabledFor(logging.DEBUG)


ROUTINE = RoutineJobLines()


def configure_logging(level: str) -> None:
    """Log at `level`, keeping the payload-logging libraries at INFO or quieter and the
    scheduler's routine lines at DEBUG."""
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    numeric = logging.getLevelNamesMapping()[level]
    for name in PAYLOAD_LOGGERS:
        logging.getLogger(name).setLevel(max(numeric, logging.INFO))
    for name in SCHEDULER_LOGGERS:
        logging.getLogger(name).addFilter(ROUTINE)  # the same filter twice is kept once
