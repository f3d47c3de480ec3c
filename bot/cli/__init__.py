"""The `kickoff-bot` shell commands: one subcommand module per area, errors as one clear line
(`bot.console` adds `demo`, which drives these commands and so cannot be imported here)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, Protocol

from sqlalchemy.exc import OperationalError

from bot.cli import (
    api_token,
    audit,
    coaching,
    db_commands,
    deliveries,
    metrics,
    ooo,
    program,
    roster,
    serve,
    standups,
    survey,
    worker,
)
from bot.errors import KickoffError
from bot.logs import configure_logging
from bot.settings import SettingsError, load_settings


class Area(Protocol):
    """A subcommand module: it registers its commands on the parser."""

    def add_parser(self, subparsers: Any) -> None: ...


AREAS: tuple[Area, ...] = (
    serve, worker, db_commands, program, roster, ooo, deliveries, coaching, standups, survey, audit,
    metrics, api_token,
)


def build_parser(areas: Sequence[Area] = AREAS) -> argparse.ArgumentParser:
    """The full argument parser (every subcommand has --help)."""
    parser = argparse.ArgumentParser(
        prog="kickoff-bot",
        description="Run the 30 days after a sales kickoff inside Slack.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for area in areas:
        area.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None, *, areas: Sequence[Area] = AREAS) -> int:
    """Run one command line of `areas`; returns the process exit code."""
    args = build_parser(areas).parse_args(argv)
    if hasattr(args, "standalone"):  # the demo makes its own settings and ignores the environment
        return int(args.standalone(args))
    try:
        settings = load_settings()
        configure_logging(settings.log_level)
        code: int = args.run(args, settings)
    except SettingsError as exc:
        print(f"kickoff-bot: configuration error: {exc}", file=sys.stderr)
        return 2
    except KickoffError as exc:
        print(f"kickoff-bot: {exc}", file=sys.stderr)
        return 1
    except OperationalError as exc:
        print(f"kickoff-bot: database error: {exc.orig}", file=sys.stderr)
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main())
