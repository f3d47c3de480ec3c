"""`kickoff-bot db upgrade`: apply the database migrations."""

from __future__ import annotations

import argparse
from typing import Any

from bot.cli.runtime import Runtime
from bot.settings import Settings
from db.migrate import upgrade


def add_parser(subparsers: Any) -> None:
    """Register `db` and its subcommands."""
    parser = subparsers.add_parser("db", help="database maintenance")
    actions = parser.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    upgrade_parser = actions.add_parser("upgrade", help="apply every pending migration")
    upgrade_parser.set_defaults(run=run_upgrade)


def run_upgrade(args: argparse.Namespace, settings: Settings) -> int:
    """Migrate DATABASE_URL to the newest schema."""
    runtime = Runtime(settings)
    upgrade(runtime.engine)
    print(f"database at {runtime.engine.url.render_as_string()} is up to date")
    return 0
