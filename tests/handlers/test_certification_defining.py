"""Defining a certification from the App Home through signed requests: the form, a good
certification created, bad YAML, no right answer and a long option each named with its line;
nobody but enablement may create one or read its answers."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from bot.clock import SystemClock
from bot.fakeslack import FakeSlack, SignedSender, SlackResponse
from bot.ids import ActionId, CallbackId, CertField
from db.models import Certification, CertificationQuestion
from tests.blockkit import assert_valid_view
from tests.databases import Database
from tests.handlers.certification_support import (
    IN_PRE_EVENT,
    PRE_EVENT,
    add_certification,
    certification_world,
)
from tests.services.surveys.world import ENABLEMENT, World

HOME = {"id": "VHOME", "type": "home"}
Json = dict[str, Any]


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack, clock: SystemClock) -> World:
    clock.move_to(IN_PRE_EVENT)
    return certification_world(database, fake_slack)


def submit(slack: SignedSender, world: World, definition: str,
           user_id: str = ENABLEMENT) -> SlackResponse:
    values: dict[str, Json] = {
        CertField.PROGRAM: {ActionId.CERT_INPUT: {"type": "static_select",
                                                  "selected_option": {"value":
                                                                      str(world.program_id)}}},
        CertField.DEFINITION: {ActionId.CERT_INPUT: {"type": "plain_text_input",
                                                     "value": definition}},
    }
    return slack.view_submission(user_id=user_id, callback_id=CallbackId.CERT_CREATE,
                                 values=values)


def field_error(response: SlackResponse) -> str:
    assert response.json is not None
    assert response.json["response_action"] == "errors"
    return str(response.json["errors"][CertField.DEFINITION])


def test_enablement_creates_one_from_the_app_home(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, world: World
) -> None:
    assert slack.action(user_id=ENABLEMENT, action_id=ActionId.HOME_CERT_CREATE, value="new",
                        view=HOME).status == 200
    fake_slack.wait_for(lambda: bool(fake_slack.calls_to("views.open")))
    form = fake_slack.calls_to("views.open")[0].params["view"]
    assert_valid_view(form)
    assert form["callback_id"] == CallbackId.CERT_CREATE
    response = submit(slack, world, PRE_EVENT)
    assert response.json is not None
    assert response.json["response_action"] == "update"
    assert "*Pricing pre-cert* (pre-event) opens on day -14" in str(response.json["view"])
    with database.session_factory() as session:
        made = session.scalars(select(Certification)).one()
        answers = session.scalars(select(CertificationQuestion.answer).order_by(
            CertificationQuestion.position)).all()
    assert (made.stage, made.opens_day, made.due_day, made.attempts) == ("pre-event", -14, -2, 3)
    assert answers == [2, 1, 1]


def test_bad_yaml_no_right_answer_and_a_long_option_are_each_named(
    slack: SignedSender, database: Database, world: World
) -> None:
    assert field_error(submit(slack, world, "name: [unclosed\n")) == (
        "line 2: this is not valid YAML.")
    no_answer = PRE_EVENT.replace("answer: Enterprise", "answer: Platinum")
    assert field_error(submit(slack, world, no_answer)) == (
        "line 6: no right answer: `answer` must repeat one option exactly.")
    long_option = PRE_EVENT.replace("[7 days, 14 days, 30 days]",
                                    f"[7 days, 14 days, {'y' * 80}]")
    assert field_error(submit(slack, world, long_option)) == (
        "line 9: option 3 is over 75 characters (Slack's limit).")
    with database.session_factory() as session:
        assert session.scalars(select(Certification)).all() == []


def test_a_rep_may_neither_create_one_nor_read_its_answers(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, world: World
) -> None:
    cert = add_certification(database, world, PRE_EVENT, IN_PRE_EVENT)
    rep = world.reps[0]
    clicks = ((ActionId.HOME_CERT_CREATE, "new"), (ActionId.CERT_KEY, str(cert)))
    for action_id, value in clicks:
        before = len(fake_slack.calls_to("chat.postMessage"))
        clicked = slack.action(user_id=rep, action_id=action_id, value=value, view=HOME)
        assert clicked.status == 200
        fake_slack.wait_for(lambda: len(fake_slack.calls_to("chat.postMessage")) > before)  # noqa: B023
        refusal = fake_slack.calls_to("chat.postMessage")[-1].params["text"]
        assert refusal.startswith("Only the program's enablement team or a kickoff admin")
    assert not fake_slack.calls_to("views.open")
    forged = submit(slack, world, PRE_EVENT.replace("Pricing", "Other"), user_id=rep).json
    assert forged is not None
    assert "Only the program's enablement team" in str(forged["view"])
    with database.session_factory() as session:
        assert session.scalars(select(Certification.name)).all() == ["Pricing pre-cert"]


def test_enablement_reads_the_answers(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, world: World
) -> None:
    cert = add_certification(database, world, PRE_EVENT, IN_PRE_EVENT)
    slack.action(user_id=ENABLEMENT, action_id=ActionId.CERT_KEY, value=str(cert), view=HOME)
    fake_slack.wait_for(lambda: bool(fake_slack.calls_to("views.open")))
    key = str(fake_slack.calls_to("views.open")[0].params["view"])
    assert "Which tier includes SSO? -&gt; Enterprise" in key
