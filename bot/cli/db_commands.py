"""`kickoff-bot db upgrade|current`: apply the database migrations, or say where it stands."""

from __future__ import annotations

import argparse
from typing import Any

from bot.cli.runtime import Runtime
from bot.settings import Settings
from db.migrate import revisions, upgrade


def add_parser(subparsers: Any) -> None:
    """Register `db` and its subcommands."""
    parser = subparsers.add_parser("db", help="database maintenance")
    actions = parser.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    upgrade_parser = actions.add_parser("upgrade", help="apply every pending migration")
    upgrade_parser.set_defaults(run=run_upgrade)
    current = actions.add_parser("current", help="the database's schema version, and whether "
                                                 "`db upgrade` has anything to do")
    current.set_defaults(run=run_current)


def run_upgrade(args: argparse.Namespace, settings: Settings) -> int:
    """Migrate DATABASE_URL to the newest schema."""
    runtime = Runtime(settings)
    upgrade(runtime.engine)
    print(f"database at {runtime.engine.url.render_as_string()} is up to date")
    return 0


def run_current(args: argparse.Namespace, settings: Settings) -> int:
    """Print the schema version of DATABASE_URL and the newest one; 1 when they differ."""
    runtime = Runtime(settings)
    runtime.require_database()
    current, head = revisions(runtime.engine)
    where = runtime.engine.url.render_as_string()
    if current == head:
        print(f"database at {where} is at {current}, the newest schema")
        return 0
    print(f"database at {where} is at {current or 'no schema yet'}; the newest is {head}: run "
          "`kickoff-bot db upgrade`")
    return 1
