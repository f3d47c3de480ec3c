"""Syncing reps from a channel's people: who becomes a rep, who keeps another role, who is left
without a manager; the import's all-or-nothing rules still apply."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.services.roster import RosterRejected
from bot.services.roster_checks import DirectoryUser
from bot.services.roster_sync import sync_reps
from db.models import Membership, Program
from tests.databases import Database
from tests.factories import make_program, make_workspace

PEOPLE = {f"U{name.upper()}": DirectoryUser(f"U{name.upper()}", name.title(),
                                            f"{name}@example.com", "UTC")
          for name in ("ana", "ben", "cai", "dev")}
# Past the factory program's 30 days: syncing here welcomes no one (test_late_welcome.py does).
AFTER_THE_30_DAYS = datetime(2027, 3, 17, 15, 0, tzinfo=UTC)


class Directory:
    """The workspace's members, found by email or id."""

    def find_by_email(self, email: str) -> DirectoryUser | None:
        """The member with this email."""
        return next((u for u in PEOPLE.values() if u.email == email), None)

    def find_by_id(self, user_id: str) -> DirectoryUser | None:
        """The member with this id."""
        return PEOPLE.get(user_id)


def sync(database: Database, content: bytes, channel: list[str]) -> tuple[list[str], set[str]]:
    """Sync with these channel members; the reps without a manager, and every member."""
    with database.session_factory.begin() as session:
        program = session.scalars(select(Program)).first() or make_program(
            session, make_workspace(session))
        outcome = sync_reps(session=session, program=program, content=content,
                            people=[PEOPLE[user] for user in channel], left_out=0,
                            directory=Directory(), now=AFTER_THE_30_DAYS)
        members = session.scalars(select(Membership).where(Membership.active.is_(True)))
        return outcome.without_manager, {
            f"{m.person.slack_user_id}:{'|'.join(sorted(m.roles))}:"
            f"{m.manager.slack_user_id if m.manager else '-'}" for m in members}


def test_someone_outside_the_channel_keeps_their_other_roles_but_is_no_rep(
    database: Database
) -> None:
    content = (b"email,role,manager\nana@example.com,manager,\n"
               b"ben@example.com,rep|manager,ana@example.com\n"
               b"cai@example.com,rep,ben@example.com\n")
    without, members = sync(database, content, ["UCAI", "UDEV"])
    assert without == ["Dev"]
    assert members == {"UANA:manager:-", "UBEN:manager:UANA", "UCAI:rep:UBEN", "UDEV:rep:-"}


def test_a_bad_file_changes_nothing(database: Database) -> None:
    with pytest.raises(RosterRejected, match="line 2: unknown role 'boss'"):
        sync(database, b"email,role,manager\nana@example.com,boss,\n", ["UBEN"])
    with database.session_factory() as session:
        assert session.scalars(select(Membership)).first() is None
