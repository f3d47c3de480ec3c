"""Rubric calibration through signed requests: enablement starts one in the App Home, the
dispatcher asks each manager by DM, managers score privately; at the close enablement's home
shows the spread and who is off, a manager's only their own standing (or "not enough scores");
a rep and a manager starting one are refused."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import ActionId, CalibrationField, CallbackId
from db.models import Calibration, CalibrationScore
from scheduler.dispatcher import Dispatcher
from tests.blockkit import assert_valid_view
from tests.databases import Database
from tests.home_world import open_home, text_of
from tests.live import place_clock
from tests.services.tiers.world import (
    AFTER_CLOSE,
    CLOSES_ON,
    SCORE_FIELDS,
    SCORES,
    STARTED,
    World,
    build_world,
)

Json = dict[str, Any]
LINK = "https://calls.example.com/r/8841"


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack) -> World:
    place_clock(fake_slack, STARTED)
    with database.session_factory.begin() as session:
        return build_world(session, fake_slack)


def opened(fake: FakeSlack, count: int) -> Json:
    fake.wait_for(lambda: len(fake.calls_to("views.open")) >= count)
    view: Json = fake.calls_to("views.open")[count - 1].params["view"]
    return view


def start(slack: SignedSender, fake: FakeSlack, world: World) -> None:
    home = open_home(slack, "UADA")
    slack.action(user_id="UADA", action_id=ActionId.HOME_CALIBRATION_START.value,
                 value=str(world.program.id), view=home)
    modal = opened(fake, 1)
    assert_valid_view(modal)
    published = len(fake.calls_to("views.publish"))
    response = slack.view_submission(
        user_id="UADA", callback_id=CallbackId.CALIBRATION_START, private_metadata=str(
            world.program.id), values={
            CalibrationField.CALL_LINK: {CalibrationField.CALL_LINK: {
                "type": "url_text_input", "value": LINK}},
            CalibrationField.CLOSES_ON: {CalibrationField.CLOSES_ON: {
                "type": "datepicker", "selected_date": CLOSES_ON}}})
    assert response.json in (None, {})
    refreshed(fake, published)


def refreshed(fake: FakeSlack, published: int) -> None:
    """Wait for the home a submission refreshes, so no late one is taken for a later home."""
    fake.wait_for(lambda: len(fake.calls_to("views.publish")) > published)


def score(slack: SignedSender, fake: FakeSlack, calibration_id: int, name: str) -> None:
    user = f"UM{name.upper()}"
    before = len(fake.calls_to("views.open"))
    slack.action(user_id=user, action_id=ActionId.CALIBRATION_SCORE.value,
                 value=str(calibration_id), channel_id=fake.dm_channel(user))
    modal = opened(fake, before + 1)
    assert_valid_view(modal)
    values = {field.value: {field.value: {"type": "static_select",
                                          "selected_option": {"value": str(given)}}}
              for field, given in zip(SCORE_FIELDS, SCORES[name], strict=True)}
    published = len(fake.calls_to("views.publish"))
    response = slack.view_submission(user_id=user, callback_id=CallbackId.CALIBRATION_SCORE,
                                     values=values, private_metadata=modal["private_metadata"])
    assert response.json in (None, {})
    refreshed(fake, published)


def run_calibration(
    slack: SignedSender, fake: FakeSlack, dispatcher: Dispatcher, database: Database,
    world: World, *names: str,
) -> None:
    start(slack, fake, world)
    dispatcher.tick(now=STARTED + timedelta(minutes=5))  # the requests are due at once
    for user in ("UMANN", "UMBEN", "UMCAT", "UMDAN"):
        dm = json.dumps(fake.messages(fake.dm_channel(user)))
        assert LINK in dm
        assert ActionId.CALIBRATION_SCORE.value in dm
    with database.session_factory() as session:
        calibration_id = session.scalars(select(Calibration.id)).one()
    for name in names:
        score(slack, fake, calibration_id, name)
    with database.session_factory() as session:
        assert len(session.scalars(select(CalibrationScore.id)).all()) == len(names)
    place_clock(fake, AFTER_CLOSE)


def test_four_managers_enablement_sees_the_spread_and_each_manager_only_their_standing(
    slack: SignedSender, fake_slack: FakeSlack, dispatcher: Dispatcher, database: Database,
    world: World,
) -> None:
    run_calibration(slack, fake_slack, dispatcher, database, world, "Ann", "Ben", "Cat", "Dan")
    ada = text_of(open_home(slack, "UADA"))
    assert "4 of 4 managers scored" in ada
    assert "Discovery: median 3, spread 3; more than a point off: Dan Manager" in ada
    assert "Value articulation: median 4, spread 4; more than a point off: Ben Manager" in ada
    assert "Next step: median 3, spread 1; more than a point off: nobody" in ada
    cat = open_home(slack, "UMCAT")
    assert_valid_view(cat)
    assert "Objection handling: more than a point from the median" in text_of(cat)
    assert "Discovery: within a point of the median" in text_of(cat)
    for other in ("Ann Manager", "Ben Manager", "Dan Manager", "median 3", "spread"):
        assert other not in json.dumps(cat)  # nobody else's name, no figure, no score


def test_with_two_scorers_and_a_smallest_group_of_3_managers_see_not_enough_scores(
    slack: SignedSender, fake_slack: FakeSlack, dispatcher: Dispatcher, database: Database,
    world: World,
) -> None:
    run_calibration(slack, fake_slack, dispatcher, database, world, "Ann", "Dan")
    for user in ("UMANN", "UMDAN"):
        home = text_of(open_home(slack, user))
        assert "not enough scores" in home
        assert "within a point" not in home
        assert "more than a point" not in home


@pytest.mark.parametrize("user", ["URANN", "UMANN"])
def test_a_rep_or_a_manager_starting_a_calibration_is_refused(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, world: World, user: str,
) -> None:
    home = open_home(slack, user)
    assert ActionId.HOME_CALIBRATION_START.value not in json.dumps(home)
    # a forged click, then a forged submission: both refused, nothing opened or started
    slack.action(user_id=user, action_id=ActionId.HOME_CALIBRATION_START.value,
                 value=str(world.program.id), view=home)
    fake_slack.wait_for(lambda: any(
        "enablement team and admins" in json.dumps(m)
        for m in fake_slack.messages(fake_slack.dm_channel(user))))
    response = slack.view_submission(
        user_id=user, callback_id=CallbackId.CALIBRATION_START,
        private_metadata=str(world.program.id), values={
            CalibrationField.CALL_LINK: {CalibrationField.CALL_LINK: {
                "type": "url_text_input", "value": LINK}},
            CalibrationField.CLOSES_ON: {CalibrationField.CLOSES_ON: {
                "type": "datepicker", "selected_date": CLOSES_ON}}})
    assert (response.json or {})["response_action"] == "errors"
    assert fake_slack.calls_to("views.open") == []
    with database.session_factory() as session:
        assert session.scalars(select(Calibration)).all() == []


def test_a_manager_cannot_score_once_it_has_closed(
    slack: SignedSender, fake_slack: FakeSlack, dispatcher: Dispatcher, database: Database,
    world: World,
) -> None:
    run_calibration(slack, fake_slack, dispatcher, database, world)
    with database.session_factory() as session:
        calibration_id = session.scalars(select(Calibration.id)).one()
    slack.action(user_id="UMANN", action_id=ActionId.CALIBRATION_SCORE.value,
                 value=str(calibration_id), channel_id=fake_slack.dm_channel("UMANN"))
    fake_slack.wait_for(lambda: len(fake_slack.responses) >= 1)
    assert "has closed" in json.dumps(fake_slack.responses[-1])
