"""What an admin is told after a roster upload or a channel sync in Slack: the shell's own
line, or its all-or-nothing report of every bad row (nothing written then)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy.orm import Session

from bot.services.roster import (
    RosterRejected,
    describe_import,
    import_roster,
)
from bot.services.roster_checks import DirectoryUser, UserDirectory
from bot.services.roster_sync import describe_sync, sync_reps
from db.models import Program


def upload_outcome(
    *, session: Session, program: Program, content: bytes, directory: UserDirectory,
    now: datetime,
) -> str:
    """Import the file as `kickoff-bot roster import` does; the line the shell would print."""
    try:
        report = import_roster(
            session=session, program=program, content=content, directory=directory, now=now
        )
    except RosterRejected as rejected:  # the rejection is the answer, not a failure
        return str(rejected)
    return describe_import(program, report)


def sync_outcome(
    *,
    session: Session,
    program: Program,
    content: bytes,
    channel_name: str,
    people: Iterable[DirectoryUser],
    left_out: int,
    directory: UserDirectory,
    now: datetime,
) -> str:
    """Sync the reps from the channel's `people`; what changed, or every bad row of the file."""
    try:
        outcome = sync_reps(
            session=session,
            program=program,
            content=content,
            people=people,
            left_out=left_out,
            directory=directory,
            now=now,
        )
    except RosterRejected as rejected:
        return str(rejected)
    return describe_sync(program, channel_name, outcome)
