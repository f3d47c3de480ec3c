"""Syncing reps from a channel: its people (no bots, guests or deactivated accounts) are the
reps, the file gives managers and everyone else; a resync adds newcomers and deactivates
leavers, keeping their history."""

from __future__ import annotations

import pytest

from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import CallbackId
from db.models import ProgramStatus
from tests.databases import Database
from tests.factories import make_program, make_workspace
from tests.handlers.roster_support import add_people, members_of, next_dm, upload

MANAGERS = b"""email,role,manager
ana@example.com,manager,
ben@example.com,rep,ana@example.com
"""


@pytest.fixture
def program_id(database: Database, fake_slack: FakeSlack) -> int:
    """A draft program, and a sales channel with people, a bot, a guest and a leaver in it."""
    add_people(fake_slack)
    fake_slack.add_user("UROBOT", real_name="Standup Robot", is_bot=True)
    fake_slack.add_user("UGUEST", real_name="Guest", email="guest@agency.example",
                        is_restricted=True)
    fake_slack.add_user("UGONE", real_name="Gone", email="gone@example.com", deleted=True)
    fake_slack.add_channel("CSALES", "sales", members=[
        "UANA", "UBEN", "UCAI", "UROBOT", "UGUEST", "UGONE"])
    with database.session_factory.begin() as session:
        return make_program(session, make_workspace(session), name="Slack Kickoff",
                            status=ProgramStatus.DRAFT).id


def sync(slack: SignedSender, program_id: int) -> dict[str, object]:
    """Submit the sync modal with the sales channel and the managers' file."""
    return upload(slack, program_id, MANAGERS, callback=CallbackId.ROSTER_SYNC,
                  channel="CSALES")


def test_the_channels_people_become_the_reps_with_managers_from_the_file(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, program_id: int
) -> None:
    assert sync(slack, program_id)["response_action"] == "update"
    assert next_dm(fake_slack, "UADMIN", 1) == (
        "roster of 'Slack Kickoff' imported: 3 added, 0 updated, 0 reactivated, 0 deactivated, "
        "0 unchanged (reps from #sales; 4 bots, guests or deactivated members left out)\n"
        "1 rep(s) have no manager in the file, so no coaching is planned for them yet: Cai. "
        "Add a row for each (role rep, their manager) and sync again."
    )
    assert members_of(database, program_id) == {
        ("UANA", "manager", None, True), ("UBEN", "rep", "UANA", True),
        ("UCAI", "rep", None, True),
    }


def test_a_resync_adds_newcomers_and_deactivates_leavers_keeping_them(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, program_id: int
) -> None:
    sync(slack, program_id)
    next_dm(fake_slack, "UADMIN", 1)
    fake_slack.add_channel("CSALES", "sales", members=["UANA", "UCAI", "UDEV"])
    sync(slack, program_id)
    assert next_dm(fake_slack, "UADMIN", 2).startswith(
        "roster of 'Slack Kickoff' imported: 1 added, 0 updated, 0 reactivated, 1 deactivated, "
        "2 unchanged (reps from #sales; 1 bots, guests or deactivated members left out)")
    assert members_of(database, program_id) == {
        ("UANA", "manager", None, True), ("UBEN", "rep", "UANA", False),
        ("UCAI", "rep", None, True), ("UDEV", "rep", None, True),
    }
