"""Syncing a program's reps from a channel: the channel's people are the reps, the roster file
gives everyone else and each rep's manager. A resync adds newcomers and deactivates leavers
(their history is kept), through the same all-or-nothing import as a roster file."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from bot.services.roster import RosterReport, describe_import, import_rows
from bot.services.roster_checks import DirectoryUser, UserDirectory
from bot.services.roster_csv import RosterRow, parse_roster
from db.models import Program, Role


@dataclass(frozen=True)
class SyncOutcome:
    """The import's counts, the reps the file gives no manager, members left out of the sync."""

    report: RosterReport
    without_manager: list[str]
    left_out: int


def sync_reps(
    *, session: Session, program: Program, content: bytes, people: Iterable[DirectoryUser],
    left_out: int, directory: UserDirectory, now: datetime,
) -> SyncOutcome:
    """Make the channel's `people` the program's reps (managers from the file's rows), and the
    file's other rows its other members; raises RosterRejected, changing nothing, on bad rows."""
    parsed = parse_roster(content)
    people = list(people)
    ids = {person.id for person in people}
    emails = {person.email.lower() for person in people if person.email}
    rows = [kept for row in parsed.rows if (kept := _as_synced(row, ids, emails)) is not None]
    listed = {key for row in rows for key in (row.slack_id, row.email) if key}
    newcomers = [person for person in people
                 if person.id not in listed and (person.email or "").lower() not in listed]
    rows += [_rep_row(person) for person in newcomers]
    report = import_rows(session=session, program=program, rows=rows, problems=parsed.problems,
                         directory=directory, now=now)
    return SyncOutcome(report=report, without_manager=sorted(p.name for p in newcomers),
                       left_out=left_out)


def _as_synced(row: RosterRow, ids: set[str], emails: set[str]) -> RosterRow | None:
    """A file row as the sync keeps it: someone outside the channel is not a rep."""
    in_channel = row.slack_id in ids or (row.email is not None and row.email in emails)
    if in_channel or Role.REP not in row.roles:
        return row
    roles = row.roles - {Role.REP}
    return dataclasses.replace(row, roles=roles) if roles else None


def _rep_row(person: DirectoryUser) -> RosterRow:
    """A channel member the file does not list: a rep with no manager yet."""
    return RosterRow(line=0, email=(person.email or "").lower() or None, slack_id=person.id,
                     roles=frozenset({Role.REP}), manager=None, team=None, timezone=None)


def describe_sync(program: Program, channel_name: str, outcome: SyncOutcome) -> str:
    """What the admin is told after a sync."""
    lines = [f"{describe_import(program, outcome.report)} (reps from #{channel_name}; "
             f"{outcome.left_out} bots, guests or deactivated members left out)"]
    if outcome.without_manager:
        lines.append(
            f"{len(outcome.without_manager)} rep(s) have no manager in the file, so no coaching "
            f"is planned for them yet: {', '.join(outcome.without_manager)}. Add a row for each "
            "(role rep, their manager) and sync again."
        )
    return "\n".join(lines)
