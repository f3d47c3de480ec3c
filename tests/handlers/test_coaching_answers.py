"""The rep's answer to a log, from the DM the dispatcher sent: confirm, or "that didn't happen"."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.domain.kinds import DeliveryKind
from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import ActionId
from bot.ids import CoachingField as F
from db.models import CadenceType, Confirmation, Delivery
from db.models import LoggedStatus as Logged
from scheduler.dispatcher import Dispatcher
from tests.blockkit import assert_valid_blocks
from tests.coaching_world import World
from tests.databases import Database
from tests.handlers.coaching_support import build_live_world, ephemeral_after, item, submit
from tests.live import LIVE_DAY

ONE = CadenceType.ONE_ON_ONE


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack) -> World:
    """The program with week 2 this week."""
    return build_live_world(database, fake_slack)


def logged_and_delivered(
    slack: SignedSender, fake: FakeSlack, dispatcher: Dispatcher, database: Database,
    world: World,
) -> dict[str, Any]:
    """Marcus logs Ana's 1:1; the dispatcher sends her the DM; returns that message."""
    one_on_one = item(database, world, "URANA", ONE)
    values = {F.HELD_ON: (LIVE_DAY - timedelta(days=1)).isoformat(), F.DURATION: "40",
              F.PIPELINE_REVIEWED: "no"}
    assert submit(slack, "UMLA", one_on_one.id, Logged.DONE, values)["response_action"] == "update"
    dispatcher.tick(now=dispatcher.clock.now())
    [message] = [m for m in fake.messages(fake.dm_channel("URANA"))
                 if m["text"].startswith("Marcus Reed logged")]
    assert_valid_blocks(message["blocks"])
    return message


def click(slack: SignedSender, user: str, action: ActionId, message: dict[str, Any]) -> None:
    """Click one of the answer buttons of `message` (what the user sees is asserted, not the
    HTTP status: see `coaching_support.click_log`)."""
    [value] = {e["value"] for b in message["blocks"] if b["type"] == "actions"
               for e in b["elements"]}
    slack.action(user_id=user, action_id=action.value, value=value, message=message,
                 channel_id=f"D{user}")


def test_the_rep_confirms_from_the_dm(
    slack: SignedSender, fake_slack: FakeSlack, dispatcher: Dispatcher, database: Database,
    world: World,
) -> None:
    message = logged_and_delivered(slack, fake_slack, dispatcher, database, world)
    assert "*Duration:* 40 min" in str(message["blocks"])
    before = len(fake_slack.responses)
    click(slack, "URANA", ActionId.COACHING_CONFIRM, message)
    answer = ephemeral_after(fake_slack, before)
    assert answer["replace_original"] is True
    assert_valid_blocks(answer["blocks"])
    assert "You confirmed this." in str(answer["blocks"])
    assert not [b for b in answer["blocks"] if b["type"] == "actions"]
    assert item(database, world, "URANA", ONE).confirmation is Confirmation.CONFIRMED


def test_a_dispute_flags_the_session_and_tells_the_manager(
    slack: SignedSender, fake_slack: FakeSlack, dispatcher: Dispatcher, database: Database,
    world: World,
) -> None:
    message = logged_and_delivered(slack, fake_slack, dispatcher, database, world)
    before = len(fake_slack.responses)
    click(slack, "URANA", ActionId.COACHING_DISPUTE, message)
    assert "your manager has been told" in str(ephemeral_after(fake_slack, before)["blocks"])
    assert item(database, world, "URANA", ONE).confirmation is Confirmation.DISPUTED
    with database.session_factory() as session:
        disputes = select(Delivery).where(Delivery.kind == DeliveryKind.COACHING_DISPUTE)
        notice = session.scalars(disputes).one()
    assert notice.channel == "UMLA"
    dispatcher.tick(now=dispatcher.clock.now())
    [told] = [m for m in fake_slack.messages(fake_slack.dm_channel("UMLA"))
              if m["text"].startswith("Rep Ana says")]
    assert_valid_blocks(told["blocks"])
    assert "Correct the log" in str(told["blocks"])


def test_only_that_rep_may_answer(
    slack: SignedSender, fake_slack: FakeSlack, dispatcher: Dispatcher, database: Database,
    world: World,
) -> None:
    message = logged_and_delivered(slack, fake_slack, dispatcher, database, world)
    before = len(fake_slack.responses)
    click(slack, "URBEN", ActionId.COACHING_DISPUTE, message)
    refusal = ephemeral_after(fake_slack, before)
    assert refusal["response_type"] == "ephemeral"
    assert refusal["text"] == "Only Rep Ana can confirm this session, so nothing was changed."
    assert item(database, world, "URANA", ONE).confirmation is None
