"""Roster import benchmark: a file of 20,000 rows against the fake Slack, people resolved from the
member list read once (what `roster import` does for a large file) next to one lookup per row
(what it did before, and still does for a small file).

Each run imports the same file into its own draft program in a fresh SQLite database and counts
the Slack calls the fake server saw. Prints rows/s and Slack calls per row of each, and the
ratios (goal: calls per row well under 0.1, and faster).

Run: .venv/bin/python -m bench.roster [--rows 20000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from slack_sdk import WebClient
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import system_clock
from bot.fakeslack import FakeSlack
from bot.services.programs import create_program
from bot.services.roster import import_roster
from bot.services.roster_checks import UserDirectory
from bot.services.workspaces import ensure_workspace
from bot.slack.directory import SlackDirectory, roster_directory
from db.base import Base
from db.session import make_engine, make_session_factory

TOKEN = "xoxb-bench"
KICKOFF = date(2027, 3, 15)
Directory = Callable[[WebClient, bytes], UserDirectory]


@dataclass(frozen=True)
class Run:
    """One import: how long it took and how many Slack calls it made."""

    name: str
    rows: int
    seconds: float
    calls: int

    def line(self) -> str:
        """The run as the report prints it."""
        return (f"{self.name:<28} {self.rows / self.seconds:>9.0f} rows/s  "
                f"{self.calls / self.rows:>8.4f} Slack calls per row  "
                f"({self.calls} calls, {self.seconds:.1f} s)")


def populate(fake: FakeSlack, rows: int) -> bytes:
    """A manager and `rows - 1` reps in the workspace, and the roster file naming them."""
    fake.add_user("UMGR", real_name="Marcus Reed", email="marcus@example.com")
    lines = ["email,role,manager,team", "marcus@example.com,manager,,Sales"]
    for n in range(rows - 1):
        email = f"rep{n:05d}@example.com"
        fake.add_user(f"UR{n:05d}", real_name=f"Rep {n:05d}", email=email)
        lines.append(f"{email},rep,marcus@example.com,Team {n % 40}")
    return ("\n".join(lines) + "\n").encode()


def timed_import(
    name: str, fake: FakeSlack, content: bytes, folder: Path, directory: Directory
) -> Run:
    """Import `content` into a new program of a new database with `directory`; the run."""
    sessions = _database(folder / f"{name.split()[0]}.db")
    client = WebClient(token=TOKEN, base_url=fake.api_url)
    with sessions.begin() as session:
        workspace = ensure_workspace(session=session, team_id="T0KICKOFF", name="Bench")
        program = create_program(session=session, workspace=workspace, today=KICKOFF, values={
            "name": name, "kickoff_date": KICKOFF, "standup_channel": "CSTANDUP",
            "audit_channel": "CAUDIT"})
    fake.clear_calls()
    started = time.perf_counter()
    with sessions.begin() as session:
        program = session.merge(program)
        import_roster(session=session, program=program, content=content,
                      directory=directory(client, content), now=system_clock().now())
    seconds = time.perf_counter() - started
    return Run(name, content.count(b"\n") - 1, seconds, len(fake.calls))


def _database(path: Path) -> sessionmaker[Session]:
    engine = make_engine(f"sqlite:///{path}")
    Base.metadata.create_all(engine)
    return make_session_factory(engine)


def main() -> None:
    """Run both imports once and print the comparison."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000, help="rows of the file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, FakeSlack(bot_token=TOKEN).start() as fake:
        content = populate(fake, args.rows)
        bulk = timed_import("member list read once", fake, content, Path(folder),
                            lambda client, text: roster_directory(client, text))
        baseline = timed_import("one lookup per row", fake, content, Path(folder),
                                lambda client, _text: SlackDirectory(client))
    print(f"roster import of {args.rows} rows against the fake Slack")
    print(bulk.line())
    print(baseline.line())
    print(f"ratio: {baseline.seconds / bulk.seconds:.1f}x faster, "
          f"{baseline.calls / max(bulk.calls, 1):.0f}x fewer Slack calls")


if __name__ == "__main__":
    main()
