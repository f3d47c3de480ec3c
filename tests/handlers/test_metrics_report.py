"""The weekly self-report through signed requests: the rep's modal (field errors for empty,
negative and non-numeric numbers), the manager's confirm and correct, and refusals: a rep
reporting for another, a manager confirming another team's rep."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select

from bot.blocks.metrics_refs import ReportRef
from bot.blocks.metrics_report import input_block
from bot.domain.kinds import DeliveryKind
from bot.domain.metrics.report import ReportKind
from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import ActionId, CallbackId
from db.models import Delivery, MetricValue
from tests.blockkit import assert_valid_view
from tests.databases import Database
from tests.live import place_clock
from tests.services.metrics.world import NOW, World, build_world

Json = dict[str, Any]


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack) -> World:
    place_clock(fake_slack, NOW)
    with database.session_factory.begin() as session:
        return build_world(session, fake_slack)


def ref(world: World, rep: int = 0, week: int = 2) -> ReportRef:
    return ReportRef(world.program.id, world.reps[rep].id, week, ReportKind.WEEK)


def values(**typed: str) -> dict[str, dict[str, Json]]:
    return {input_block(key): {ActionId.METRICS_INPUT.value: {"type": "plain_text_input",
                                                              "value": value}}
            for key, value in typed.items()}


def submit(slack: SignedSender, user: str, report: ReportRef, callback: CallbackId,
           **typed: str) -> Json:
    response = slack.view_submission(user_id=user, callback_id=callback.value,
                                     values=values(**typed), private_metadata=report.to_value())
    assert response.status == 200
    return response.json or {}


def stored(database: Database) -> list[tuple[str, str, float, str, int | None]]:
    with database.session_factory() as session:
        return sorted((metric, period, value, source, confirmed)
                      for metric, period, value, source, confirmed in session.execute(select(
                          MetricValue.metric, MetricValue.period, MetricValue.value,
                          MetricValue.source, MetricValue.confirmed_by_id)))


def test_the_rep_opens_their_modal_and_bad_numbers_get_field_errors(
    slack: SignedSender, fake_slack: FakeSlack, world: World, database: Database
) -> None:
    slack.action(user_id="UREP01", action_id=ActionId.METRICS_REPORT.value,
                 value=ref(world).to_value(), channel_id="DUREP01")
    fake_slack.wait_for(lambda: bool(fake_slack.calls_to("views.open")))
    view = fake_slack.calls_to("views.open")[0].params["view"]
    assert_valid_view(view)
    assert [b["label"]["text"] for b in view["blocks"] if b["type"] == "input"] == [
        "Dials per rep per working day (dials a day)", "Discovery calls booked (calls a week)",
        "Contacts on multi-threaded deals (contacts a deal)"]
    answer = submit(slack, "UREP01", ref(world), CallbackId.METRICS_REPORT,
                    dials="", discovery_calls="-2", multithread_contacts="lots")
    assert answer == {"response_action": "errors", "errors": {
        "metric_dials": "Enter a number of dials a day (0 if none).",
        "metric_discovery_calls": "Value '-2' is negative.",
        "metric_multithread_contacts": "Value 'lots' is not a number."}}
    assert stored(database) == []


def test_a_report_is_stored_and_the_manager_confirms_or_corrects_it(
    slack: SignedSender, world: World, database: Database
) -> None:
    report = ref(world)
    assert submit(slack, "UREP01", report, CallbackId.METRICS_REPORT, dials="41",
                  discovery_calls="5", multithread_contacts="2,5") == {}
    # Week 2 is 22-28 March: ISO week 2027-W12.
    assert stored(database) == [("dials", "2027-W12", 41.0, "self-report", None),
                                ("discovery_calls", "2027-W12", 5.0, "self-report", None),
                                ("multithread_contacts", "2027-W12", 2.5, "self-report", None)]
    with database.session_factory() as session:
        [dm] = session.scalars(select(Delivery).where(
            Delivery.kind == DeliveryKind.METRICS_REVIEW)).all()
    assert (dm.channel, dm.text) == ("UMMIA", "Rep 1 reported their numbers for week 2")
    assert dm.blocks is not None
    assert "• Dials per rep per working day: 41.0 dials a day" in dm.blocks[0]["text"]["text"]
    slack.action(user_id="UMMIA", action_id=ActionId.METRICS_CONFIRM.value,
                 value=report.to_value(), channel_id="DUMMIA")
    slack.fake.wait_for(lambda: bool(slack.fake.responses))
    assert "You confirmed Rep 1's 3 number(s) for week 2." in json.dumps(slack.fake.responses[-1])
    mia = world.managers["Mia"].id
    assert {row[4] for row in stored(database)} == {mia}
    assert submit(slack, "UMMIA", report, CallbackId.METRICS_CORRECT, dials="38",
                  discovery_calls="5", multithread_contacts="2.5") == {}
    assert ("dials", "2027-W12", 38.0, "correction", None) in stored(database)
    assert ("dials", "2027-W12", 41.0, "self-report", mia) in stored(database)


def test_a_rep_reporting_for_another_and_another_teams_manager_are_refused(
    slack: SignedSender, world: World, database: Database
) -> None:
    answer = submit(slack, "UREP02", ref(world, rep=0), CallbackId.METRICS_REPORT, dials="99",
                    discovery_calls="9", multithread_contacts="9")
    assert "You can report only your own numbers." in json.dumps(answer)
    answer = submit(slack, "UMNOAH", ref(world, rep=0), CallbackId.METRICS_CORRECT, dials="1",
                    discovery_calls="1", multithread_contacts="1")
    assert "Only the rep's manager in this program" in json.dumps(answer)
    slack.action(user_id="UMNOAH", action_id=ActionId.METRICS_CONFIRM.value,
                 value=ref(world, rep=0).to_value(), channel_id="DUMNOAH")
    slack.fake.wait_for(lambda: bool(slack.fake.responses))
    assert "Only the rep's manager" in json.dumps(slack.fake.responses[-1])
    assert stored(database) == []
