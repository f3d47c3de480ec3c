"""Behaviour metrics in the App Home, through signed requests: a rep sees their own numbers, a
manager their own reps' (another team's refused), leaders and enablement the teams' figures
with no rep named; enablement switches metrics and targets."""

from __future__ import annotations

import html
import json
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.blocks.home.metrics import reps_value
from bot.blocks.metrics_settings import TRACKED_BLOCK, target_block
from bot.domain.metrics.definitions import DEFAULT_METRICS
from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import ActionId, CallbackId
from db.models import MetricValue, ProgramMetric
from tests.blockkit import assert_valid_view
from tests.databases import Database
from tests.home_world import open_home
from tests.live import place_clock
from tests.services.metrics.world import NOW, World, build_world, csv_of, load

Json = dict[str, Any]


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack) -> World:
    place_clock(fake_slack, NOW)  # Monday 12 April: week 4 has ended
    with database.session_factory.begin() as session:
        world = build_world(session, fake_slack, leader=True)
        load(session, world)
        return world


def text(view: Json) -> str:
    return json.dumps(view, ensure_ascii=False)


def opened(fake: FakeSlack, count: int = 1) -> Json:
    fake.wait_for(lambda: len(fake.calls_to("views.open")) >= count)
    view: Json = fake.calls_to("views.open")[count - 1].params["view"]
    return view


def test_a_rep_sees_their_own_numbers_and_no_one_elses(
    slack: SignedSender, world: World
) -> None:
    home = open_home(slack, "UREP01")
    assert_valid_view(home)
    # r1: 30 a day before, 36 in week 4 (out of office two days, left out): +20%.
    assert "• Dials per rep per working day: 30.0 → 36.0 (+20.0%)" in text(home)
    assert "Rep 2" not in text(home)
    assert ActionId.HOME_METRICS_REPS.value not in text(home)


def test_a_manager_opens_their_reps_numbers_and_not_another_teams(
    slack: SignedSender, fake_slack: FakeSlack, world: World
) -> None:
    home = open_home(slack, "UMMIA")
    mia_value = reps_value(world.program.id, world.managers["Mia"].id)
    assert mia_value in [element.get("value") for block in home["blocks"]
                         for element in block.get("elements", [])]
    slack.action(user_id="UMMIA", action_id=ActionId.HOME_METRICS_REPS.value, value=mia_value,
                 view=home)
    view = opened(fake_slack)
    assert_valid_view(view)
    assert "*Rep 3*\\n• Dials per rep per working day: 30.0 → 33.0 (+10.0%)" in text(view)
    assert "Rep 7" not in text(view)
    slack.action(user_id="UMNOAH", action_id=ActionId.HOME_METRICS_REPS.value,
                 value=mia_value, view=home)
    fake_slack.wait_for(lambda: any("You see only your own reps" in text(c.params)
                                    for c in fake_slack.calls_to("chat.postMessage")))
    assert len(fake_slack.calls_to("views.open")) == 1


def test_leaders_see_the_teams_figures_with_no_rep_named(
    slack: SignedSender, world: World
) -> None:
    home = open_home(slack, "ULEAD")
    assert "_Teams (no rep named):_" in text(home)
    assert "• Dials per rep per working day: overall: baseline 30.0, week 4 36.5, +21.8%, " \
           "held (11 of 12 reps with both)" in text(home)
    assert "Rep " not in text(home)


def test_enablement_switches_metrics_off_and_retargets_with_field_errors(
    slack: SignedSender, fake_slack: FakeSlack, world: World, database: Database
) -> None:
    home = open_home(slack, "UADMIN")
    slack.action(user_id="UADMIN", action_id=ActionId.HOME_METRICS_SETTINGS.value,
                 value=str(world.program.id), view=home)
    view = opened(fake_slack)
    assert_valid_view(view)
    tracked = {"type": "checkboxes", "selected_options": [{"value": "dials"}]}

    def submit(user: str, **typed: str) -> Json:
        state: dict[str, dict[str, Json]] = {
            TRACKED_BLOCK: {ActionId.METRICS_SETTING.value: tracked}}
        for metric in DEFAULT_METRICS:
            value = typed.get(metric.key, f"{metric.target.value:g}")
            state[target_block(metric.key)] = {ActionId.METRICS_SETTING.value: {
                "type": "plain_text_input", "value": value}}
        response = slack.view_submission(user_id=user, callback_id=CallbackId.METRICS_SETTINGS,
                                         values=state, private_metadata=str(world.program.id))
        return response.json or {}

    assert submit("UADMIN", dials="0", slipped_close_dates="lots") == {
        "response_action": "errors", "errors": {
            target_block("dials"): "a relative target is a factor on the baseline (1.2 is "
                                   "+20%), above 0 and at most 10, not 0",
            target_block("slipped_close_dates"): "'lots' is not a number"}}
    with database.session_factory() as session:
        assert session.scalars(select(ProgramMetric)).all() == []
    assert "Only the program's enablement" in text(submit("UMMIA", dials="1.3"))
    assert submit("UADMIN", dials="1.3") == {}
    with database.session_factory() as session:
        saved = {row.key: (row.enabled, row.target_value)
                 for row in session.scalars(select(ProgramMetric))}
    assert saved["dials"] == (True, 1.3)
    assert saved["slipped_close_dates"] == (False, 0.69)
    assert len(saved) == len(DEFAULT_METRICS)


def upload(slack: SignedSender, world: World, user: str, content: bytes) -> Json:
    shared = slack.fake.add_file(user=user, name="values.csv", content=content)
    response = slack.view_submission(
        user_id=user, callback_id=CallbackId.METRICS_UPLOAD,
        values={ActionId.METRICS_FILE: {ActionId.METRICS_FILE: {"type": "file_input",
                                                                  "files": [shared]}}},
        private_metadata=str(world.program.id))
    assert response.status == 200
    return response.json or {}


def dm_texts(fake: FakeSlack, user: str, count: int) -> list[str]:
    channel = fake.dm_channel(user)
    fake.wait_for(lambda: len(fake.messages(channel)) >= count)
    return [html.unescape(m["text"]) for m in fake.messages(channel)]


def test_enablement_uploads_values_from_the_app_home_and_hears_the_result_by_dm(
    slack: SignedSender, fake_slack: FakeSlack, world: World, database: Database
) -> None:
    home = open_home(slack, "UADMIN")
    slack.action(user_id="UADMIN", action_id=ActionId.HOME_METRICS_UPLOAD.value,
                 value=str(world.program.id), view=home)
    assert_valid_view(opened(fake_slack))
    good = csv_of("r1@example.com,pipeline_created,2027-W09,1000",
                  "r2@example.com,pipeline_created,2027-W09,2000")
    assert upload(slack, world, "UADMIN", good)["response_action"] == "update"
    [first] = dm_texts(fake_slack, "UADMIN", 1)  # each import runs on its own thread
    assert first == ("Metric values of 'Spring Kickoff' imported: 2 added, 0 updated, "
                     "0 unchanged.")
    bad = csv_of("r1@example.com,pipeline_created,2027-W09,lots",
                 "nobody@example.com,pipeline_created,2027-W09,1")
    upload(slack, world, "UADMIN", bad)
    second = dm_texts(fake_slack, "UADMIN", 2)[1]
    assert "line 2: value 'lots' is not a number" in second
    assert "line 3: unknown person 'nobody@example.com'" in second
    with database.session_factory() as session:
        assert session.scalar(select(func.count(MetricValue.id)).where(
            MetricValue.metric == "pipeline_created")) == 2


def test_a_manager_cannot_upload_values(
    slack: SignedSender, world: World, database: Database
) -> None:
    answer = upload(slack, world, "UMMIA", csv_of("r1@example.com,dials,2027-W09,999"))
    assert "Only the program's enablement and admins" in text(answer)
    with database.session_factory() as session:
        assert session.scalar(select(func.count(MetricValue.id)).where(
            MetricValue.value == 999)) == 0
