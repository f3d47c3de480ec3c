""""Copy as a new draft" in the admin's App Home, through signed requests: the modal, then the
draft made and the outcome by DM; a rep's click is refused."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import ActionId, CallbackId, CopyField
from bot.services.setup.policy import REFUSAL
from db.models import Program, ProgramStatus
from tests.audit_world import World, build_world, utc
from tests.conftest import ADMIN_ID
from tests.databases import Database
from tests.live import place_clock


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack) -> World:
    """The audit program in March 2027, after its read-out; the admin in the fake Slack."""
    place_clock(fake_slack, utc(3, 1))
    fake_slack.add_user(ADMIN_ID, real_name="Kim Admin", email="admin@example.com")
    with database.session_factory.begin() as session:
        return build_world(session, fake_slack)


def dms_to(fake: FakeSlack, user_id: str) -> list[str]:
    """The texts the bot sent `user_id` by DM."""
    return [str(m["text"]) for m in fake.messages(fake.dm_channel(user_id))]


def test_an_admin_copies_a_program_from_the_home(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, world: World
) -> None:
    slack.action(user_id=ADMIN_ID, action_id=ActionId.PROGRAM_COPY, value=str(world.program_id),
                 view={"id": "VHOME", "type": "home"})
    fake_slack.wait_for(lambda: any(v.get("callback_id") == CallbackId.PROGRAM_COPY
                                    for v in fake_slack.views.values()))
    response = slack.view_submission(
        user_id=ADMIN_ID, callback_id=CallbackId.PROGRAM_COPY,
        private_metadata=json.dumps({"program": world.program_id}), values={
            CopyField.NAME: {ActionId.PROGRAM_COPY_INPUT: {"type": "plain_text_input",
                                                           "value": "Q2 <Kickoff>"}},
            CopyField.KICKOFF_DATE: {ActionId.PROGRAM_COPY_INPUT: {
                "type": "datepicker", "selected_date": "2027-04-12"}}})
    assert response.status == 200
    fake_slack.wait_for(lambda: bool(dms_to(fake_slack, ADMIN_ID)))
    [text] = dms_to(fake_slack, ADMIN_ID)
    assert text.startswith("Created the draft 'Q2 &lt;Kickoff&gt;'")
    assert "12 members" in text
    with database.session_factory() as session:
        copy = session.scalars(select(Program).where(Program.name == "Q2 <Kickoff>")).one()
        assert copy.status is ProgramStatus.DRAFT


def test_a_rep_is_refused(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, world: World
) -> None:
    slack.action(user_id="UR1", action_id=ActionId.PROGRAM_COPY, value=str(world.program_id),
                 view={"id": "VHOME", "type": "home"})
    fake_slack.wait_for(lambda: bool(dms_to(fake_slack, "UR1")))
    assert dms_to(fake_slack, "UR1") == [REFUSAL]
    assert not any(v.get("callback_id") == CallbackId.PROGRAM_COPY
                   for v in fake_slack.views.values())
    with database.session_factory() as session:
        assert len(session.scalars(select(Program)).all()) == 1
