"""Taking a certification through signed requests: a rep passing on the first attempt, another
on the third, another failing out and sent back into the cycle; the right option never marked in
anything Slack is asked to show a rep, and no score names it."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from slack_sdk import WebClient
from sqlalchemy import select

from bot.clock import SystemClock
from bot.domain.kinds import DeliveryKind
from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import ActionId, CallbackId
from db.models import AttemptStatus, CertificationRetake, Delivery
from scheduler.dispatcher import Dispatcher
from scheduler.plans.certification import CertificationPlanner
from tests.conftest import FAST
from tests.databases import Database
from tests.handlers.certification_support import (
    IN_PRE_EVENT,
    PRE_EVENT,
    RIGHT,
    add_certification,
    certification_world,
    latest_attempt,
    start,
    take,
)
from tests.services.surveys.world import MANAGER, World

OPAQUE = re.compile(r"^\d+\.\d+$")


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack, clock: SystemClock) -> World:
    clock.move_to(IN_PRE_EVENT)
    return certification_world(database, fake_slack)


def outcome(reply_json: object) -> str:
    text = json.dumps(reply_json)
    for right in RIGHT.values():
        assert right not in text  # no score message names a right option
    return text


def test_first_third_and_failing_out(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, world: World,
    clock: SystemClock,
) -> None:
    cert = add_certification(database, world, PRE_EVENT, IN_PRE_EVENT)
    first, third, out = world.reps[:3]
    reply = take(slack, fake_slack, first, cert, right=True).reply.json
    assert reply is not None
    assert reply["response_action"] == "update"
    assert "You answered 3 of 3 correctly. You passed." in outcome(reply)
    assert latest_attempt(database, first).status is AttemptStatus.PASSED
    fake_slack.wait_for(lambda: fake_slack.home(first) is not None)
    home = json.dumps(fake_slack.home(first))
    assert "*Pricing pre-cert*: passed, 2 attempts left, due Sat 9 Jan" in home
    assert "cert_start" not in home  # nothing left to start

    for number in (1, 2):
        reply = take(slack, fake_slack, third, cert, right=False).reply.json
        left = 3 - number
        assert f"You answered 0 of 3 correctly. Not passed yet: {left} attempt" in outcome(reply)
    assert "You passed." in outcome(take(slack, fake_slack, third, cert, right=True).reply.json)
    assert latest_attempt(database, third).number == 3

    for _ in range(3):
        reply = take(slack, fake_slack, out, cert, right=False).reply.json
    assert "No attempts left: a retake window opens tomorrow." in outcome(reply)
    with database.session_factory() as session:
        retake = session.scalars(select(CertificationRetake)).one()
        notice = session.scalars(select(Delivery).where(
            Delivery.kind == DeliveryKind.CERT_RETAKE)).one()
    assert notice.channel == MANAGER
    assert "did not pass" in notice.text
    assert (retake.round, retake.opens_on) == (1, IN_PRE_EVENT.date() + timedelta(days=1))

    before = len(fake_slack.responses)
    slack.action(user_id=out, action_id=ActionId.CERT_START, value=str(cert), channel_id="D1")
    fake_slack.wait_for(lambda: len(fake_slack.responses) > before)
    assert "You have no attempts left at Pricing pre-cert" in fake_slack.responses[-1]["text"]
    clock.move_to(IN_PRE_EVENT + timedelta(days=1))  # the retake is open: attempts again
    assert start(slack, fake_slack, out, cert)["callback_id"] == CallbackId.CERT_ATTEMPT
    assert latest_attempt(database, out).round == 1


def test_nothing_shown_to_a_rep_marks_the_right_option(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, world: World,
    slack_client: WebClient, clock: SystemClock,
) -> None:
    cert = add_certification(database, world, PRE_EVENT, IN_PRE_EVENT)
    planner = CertificationPlanner()
    dispatcher = Dispatcher(session_factory=database.session_factory, client=slack_client,
                            planners=[planner], config=FAST, clock=clock)
    try:
        assert dispatcher.tick(now=IN_PRE_EVENT).sent == len(world.reps)  # the open DMs
    finally:
        dispatcher.close()
    rep = world.reps[0]
    for right in (False, False, True):
        taken = take(slack, fake_slack, rep, cert, right=right)
        assert re.fullmatch(r"\d+", taken.view["private_metadata"])  # the attempt's id alone
        for block in taken.view["blocks"]:
            if block["type"] == "input":
                element = block["element"]
                assert "initial_option" not in element
                assert all(OPAQUE.match(o["value"]) and set(o) == {"text", "value"}
                           for o in element["options"])
        outcome(taken.reply.json)
    # Every call made to Slack, the attempts' options aside, names no right option.
    for call in fake_slack.calls:
        params = dict(call.params)
        if call.method == "views.open" and params["view"]["callback_id"] == CallbackId.CERT_ATTEMPT:
            continue
        outcome(params)
    assert any(call.method == "chat.postMessage" for call in fake_slack.calls)  # DMs included
