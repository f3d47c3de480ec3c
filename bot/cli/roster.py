"""`kickoff-bot roster import PROGRAM FILE.csv`: make a program's members those of a CSV file."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import Any

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from bot.cli.failures import read_bytes
from bot.cli.runtime import Runtime
from bot.domain.export import json_text
from bot.errors import InvalidInput
from bot.services.exports import roster_rows
from bot.services.roster import describe_import, import_roster
from bot.services.roster_csv import MAX_BYTES
from bot.settings import Settings
from bot.slack.directory import BULK_FROM, roster_directory, roster_lines

FILE_FORMAT = """\
The file is UTF-8 CSV (a BOM is fine), separated by commas or semicolons; the first line
is the header. Columns:
  email, slack_id  who the row is: either column, or both; each row needs one of them
  role             rep, manager, enablement, leader or admin; several as rep|manager
  manager          the person's manager, by email or Slack id; they need a row of their
                   own in the file; every rep needs one
  team             optional team name
  timezone         optional IANA time zone (e.g. Europe/Berlin), used when the Slack
                   profile has none; the program's time zone comes last
Other columns are ignored.

The file is the whole roster: members not in it are deactivated in the program (their
history is kept) and come back when a later file lists them again. If any row is bad,
nothing is changed and the bad rows are listed as "line N: why" (the header is line 1; the
first 50, then how many more). A file may be at most 2 MB (about 30,000 people). A file of
100 rows or more is checked against Slack's whole member list, read once (progress on
stderr); a smaller one asks Slack about each person.
"""


def add_parser(subparsers: Any) -> None:
    """Register `roster` and its actions."""
    parser = subparsers.add_parser("roster", help="load who takes part in a program")
    actions = parser.add_subparsers(dest="roster_command", required=True, metavar="ACTION")
    load = actions.add_parser(
        "import",
        help="make a program's members those of a CSV file",
        description="Make a program's members exactly the people of a CSV file, looked up in "
        "Slack by email or user id.",
        epilog=FILE_FORMAT,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    load.add_argument("program", metavar="PROGRAM", help="program name or id")
    load.add_argument("file", metavar="FILE.csv", type=Path, help="the roster file")
    load.add_argument("--dry-run", action="store_true",
                      help="check the file against Slack and say what would change; change "
                           "nothing")
    load.set_defaults(run=run_import)
    listing = actions.add_parser("list", help="who is in a program: roles, manager, team")
    listing.add_argument("program", metavar="PROGRAM", help="program name or id (#ID: the id)")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=run_list)


def run_import(args: argparse.Namespace, settings: Settings) -> int:
    """Import the roster file into the program, all rows or none, and print the counts (with
    --dry-run: what would change, nothing saved)."""
    content = _read(args.file)
    runtime = Runtime(settings)
    rows = roster_lines(content)
    say = _progress if rows >= BULK_FROM else _quiet
    # Slack's refusals and an unreachable Slack are said in one line by bot/cli/failures.py.
    with runtime.session_factory() as session:  # committed below unless a dry run
        program = runtime.program(session, args.program)
        say(f"{args.file}: {rows} rows; reading Slack's member list")
        directory = roster_directory(_retrying_when_rate_limited(runtime.client), content,
                                     on_page=lambda read: say(f"  {read} members read"))
        say(f"checking {rows} rows")
        report = import_roster(
            session=session, program=program, content=content, directory=directory,
            now=runtime.clock.now(),
        )
        if args.dry_run:
            session.rollback()
            print(f"dry run, nothing was changed: {describe_import(program, report)}")
            return 0
        session.commit()
    print(describe_import(program, report))
    return 0


def _read(path: Path) -> bytes:
    with contextlib.suppress(OSError):  # a file that cannot be read is refused by read_bytes
        if (size := path.stat().st_size) > MAX_BYTES:
            raise InvalidInput(f"{path} is {size / 1_000_000:.1f} MB; a roster file may be at "
                               f"most {MAX_BYTES / 1_000_000:g} MB (about 30,000 people): is it "
                               "the right file?")
    return read_bytes(path)


def _progress(line: str) -> None:
    """A long import says how it is getting on, on stderr (stdout keeps only the result)."""
    print(f"kickoff-bot: {line}", file=sys.stderr, flush=True)


def _quiet(_line: str) -> None:
    """A small import has nothing to report on its way."""


def _retrying_when_rate_limited(client: WebClient) -> WebClient:
    # users.lookupByEmail is a Tier 3 method (about 50 calls a minute): a large roster meets
    # HTTP 429, and waiting out its Retry-After is the right answer for a one-off import.
    if not any(isinstance(h, RateLimitErrorRetryHandler) for h in client.retry_handlers):
        client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=5))
    return client


def run_list(args: argparse.Namespace, settings: Settings) -> int:
    """Print the program's members, active first, one line each (or JSON)."""
    runtime = Runtime(settings)
    with runtime.session_factory() as session:
        program = runtime.program(session, args.program)
        rows = roster_rows(session=session, program=program)
    if args.json:
        print(json_text(rows))
        return 0
    for row in rows:
        left = "" if row["active"] else "  (not in the last roster file)"
        print(f"{row['name']:<28} {row['slack_id']:<12} {row['roles']:<22} "
              f"manager {row['manager'] or '-':<24} team {row['team'] or '-'}{left}")
    if not rows:
        print(f"nobody in {program.name!r} yet (load a roster with `kickoff-bot roster import`)")
    return 0
