"""The `kickoff-bot` shell commands: one subcommand module per area, errors as one clear line
(`bot.console` adds `demo`, which drives these commands and so cannot be imported here)."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from importlib.metadata import version
from typing import Any, Protocol

from bot.cli import (
    api_token,
    audit,
    certification,
    coaching,
    db_commands,
    deliveries,
    export,
    ledger,
    metrics,
    ooo,
    person,
    plans,
    program,
    roster,
    serve,
    standups,
    survey,
    tiers,
    worker,
)
from bot.cli.failures import explain
from bot.logs import configure_logging
from bot.settings import Settings, load_settings

log = logging.getLogger(__name__)
PROCESSES = ("serve", "socket", "worker", "run")  # the commands that run until stopped


class Area(Protocol):
    """A subcommand module: it registers its commands on the parser."""

    def add_parser(self, subparsers: Any) -> None: ...


AREAS: tuple[Area, ...] = (
    serve, worker, db_commands, program, roster, ooo, deliveries, coaching, standups, survey, audit,
    export, person, metrics, tiers, api_token, ledger, certification, plans,
)


def build_parser(areas: Sequence[Area] = AREAS) -> argparse.ArgumentParser:
    """The full argument parser (every subcommand has --help)."""
    parser = argparse.ArgumentParser(
        prog="kickoff-bot",
        description="Run the 30 days after a sales kickoff inside Slack.",
    )
    parser.add_argument("--version", action="version",
                        version=f"kickoff-bot {version('kickoff-bot')}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for area in areas:
        area.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None, *, areas: Sequence[Area] = AREAS) -> int:
    """Run one command line of `areas`; returns the process exit code."""
    args = build_parser(areas).parse_args(argv)
    if hasattr(args, "standalone"):  # the demo makes its own settings and ignores the environment
        return int(args.standalone(args))
    settings: Settings | None = None
    try:
        settings = load_settings()
        configure_logging(settings.log_level)
        if args.command not in PROCESSES:
            # A shell command says Slack's failure in its own one line: slack_sdk's lines about
            # each failed attempt would only repeat it.
            logging.getLogger("slack_sdk").setLevel(logging.CRITICAL)
        code: int = args.run(args, settings)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the shell shows one line, never a traceback
        explained = explain(exc, settings)
        if explained is None:  # a bug: still one line, the details for whoever debugs it
            log.debug("unexpected failure", exc_info=True)
            explained = (f"unexpected error ({type(exc).__name__}: {exc}); run with "
                         "LOG_LEVEL=DEBUG for details and please report it", 1)
        print(f"kickoff-bot: {explained[0]}", file=sys.stderr)
        return explained[1]
    return code


if __name__ == "__main__":
    sys.exit(main())
