""""Send me a test": any prompt, nudge or post of a program, previewed in the admin's own DM,
with nothing queued for anybody."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.domain.kinds import DeliveryKind
from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import ActionId, CallbackId, SetupField
from db.models import Delivery
from tests.blockkit import assert_valid_blocks, assert_valid_view
from tests.databases import Database
from tests.home_world import ADMIN, HomeWorld, build_home_world, open_home


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack) -> HomeWorld:
    """The program in its week 2."""
    with database.session_factory.begin() as session:
        return build_home_world(session, fake_slack)


def send_test(slack: SignedSender, world: HomeWorld, kind: str) -> dict[str, Any]:
    """Choose `kind` in the modal and submit it; returns the DM the admin gets."""
    fake = slack.fake
    dm = fake.dm_channel(ADMIN)
    before = len(fake.messages(dm))
    values: dict[str, dict[str, dict[str, Any]]] = {SetupField.TEST_KIND: {SetupField.TEST_KIND: {
        "type": "static_select", "selected_option": {"value": kind}}}}
    response = slack.view_submission(user_id=ADMIN, callback_id=CallbackId.SEND_TEST,
                                     values=values,
                                     private_metadata=json.dumps({"program": world.program_id}))
    assert response.status == 200
    fake.wait_for(lambda: len(fake.messages(dm)) > before)
    return fake.messages(dm)[before]


def test_the_modal_lists_a_welcome_per_role_and_every_planned_kind(
    slack: SignedSender, fake_slack: FakeSlack, world: HomeWorld
) -> None:
    home = open_home(slack, ADMIN)
    slack.action(user_id=ADMIN, action_id=ActionId.SEND_TEST, value=str(world.program_id),
                 view=home)
    fake_slack.wait_for(lambda: bool(fake_slack.calls_to("views.open")))
    modal = fake_slack.calls_to("views.open")[0].params["view"]
    assert_valid_view(modal)
    options = [o["value"] for o in modal["blocks"][1]["element"]["options"]]
    assert options[:2] == ["welcome:rep", "welcome:manager"]
    kinds = {DeliveryKind.STANDUP_PROMPT, DeliveryKind.STANDUP_REMINDER,
             DeliveryKind.COACHING_DIGEST}
    assert kinds <= set(options)


def test_a_prompt_and_a_welcome_come_to_the_admin_only(
    slack: SignedSender, database: Database, world: HomeWorld
) -> None:
    prompt = send_test(slack, world, DeliveryKind.STANDUP_PROMPT.value)
    assert_valid_blocks(prompt["blocks"])
    assert "Test of *standup prompt*" in str(prompt["blocks"])
    assert "Week-1 standup, *Day 1 of 5*" in str(prompt["blocks"])
    welcome = send_test(slack, world, "welcome:manager")
    assert "you own the coaching" in str(welcome["blocks"])
    with database.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Delivery)) == 0
