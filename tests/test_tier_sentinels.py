"""Acceptance: tiers never reach Slack. Every rep gets a unique sentinel attainment (and three
get their tier given in the file); then a full run goes through Slack for real: the dispatcher
sends everything from a week before the kickoff to after the read-out (prompts, digests, audits,
the read-out with the latest calibration), enablement starts a calibration in the App Home and
the managers score it, and every member opens their App Home before and after. Every call the
fake Slack recorded and every answer to a response_url is searched for the sentinels and for
tier words as the shell writes them."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import ActionId, CalibrationField, CallbackId
from bot.services.actor import Actor
from bot.services.tiers.calibration import record_scores
from bot.services.tiers.importing import import_tiers
from db.models import Calibration, RepTier
from scheduler.dispatcher import Dispatcher
from tests.databases import Database
from tests.home_world import open_home
from tests.live import place_clock
from tests.services.metrics.world import World, build_world, csv_of
from tests.services.tiers.world import score_values

FIRST = date(2027, 3, 1)  # a week before the kickoff (Monday 8 March)
LAST = date(2027, 4, 13)  # after the read-out (day 32, Friday 9 April) and week 4's audit
# (not "attainment": the metric "Q1 attainment vs prior Q1" is the program's own)
TIER_WORDS = ("top tier", "middle tier", "bottom tier", "top third", "bottom third", '"tier"',
              "breakout")


def attainment(n: int) -> float:
    return 7000 + 1000.0 * n + 0.37  # 8000.37, 9000.37, ...: nothing else is written so


def spellings(value: float) -> set[str]:
    return {f"{value:,.2f}", f"{value:.2f}", f"{value:,.1f}", f"{value:.1f}", repr(value),
            f"{value:.0f}", f"{value:,.0f}"}


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack) -> World:
    place_clock(fake_slack, datetime.combine(FIRST, datetime.min.time(), UTC))
    with database.session_factory.begin() as session:
        world = build_world(session, fake_slack, leader=True)
        world.program.smallest_group = 3  # so the read-out shows the calibration's spread
        rows = [f"UREP{n:02d},{attainment(n)}," for n in range(4, 13)]
        rows += ["UREP01,,top", "UREP02,,middle", "UREP03,,bottom"]
        import_tiers(session=session, program=world.program, now=datetime(2027, 2, 26, tzinfo=UTC),
                     content=csv_of(*rows, header="slack_id,attainment,tier"))
        assert session.query(RepTier).count() == 12
    fake_slack.add_channel("CAUDIT", "kickoff-audit",
                           members=["UADMIN", "ULEAD", "UMMIA", "UMNOAH", "UMOLGA"])
    fake_slack.add_channel("CSTANDUP", "kickoff-standups",
                           members=[f"UREP{n:02d}" for n in range(1, 13)])
    return world


def everyone() -> list[str]:
    return ["UADMIN", "ULEAD", "UMMIA", "UMNOAH", "UMOLGA", *(f"UREP{n:02d}" for n in range(1, 13))]


def test_no_tier_or_attainment_reaches_any_slack_call(
    slack: SignedSender, fake_slack: FakeSlack, dispatcher: Dispatcher, world: World,
    database: Database,
) -> None:
    for user in everyone():
        open_home(slack, user)
    start_calibration(slack, fake_slack, world, database)
    day = FIRST
    while day <= LAST:
        for hour in (9, 17):  # what fell due since the last tick goes out too
            instant = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=hour,
                                                                                 minutes=30)
            place_clock(fake_slack, instant)
            dispatcher.tick(now=instant)
        day += timedelta(days=1)
    for user in everyone():
        open_home(slack, user)
    posted = json.dumps(fake_slack.messages("CAUDIT"))
    assert "Rubric calibration" in posted  # the read-out showed the calibration's spread
    assert_no_tier_anywhere(fake_slack)


def start_calibration(
    slack: SignedSender, fake: FakeSlack, world: World, database: Database
) -> None:
    """Ada starts one in the App Home (Wednesday 3 March); the three managers score it."""
    place_clock(fake, datetime(2027, 3, 3, 10, tzinfo=UTC))
    home = open_home(slack, "UADMIN")
    slack.action(user_id="UADMIN", action_id=ActionId.HOME_CALIBRATION_START.value,
                 value=str(world.program.id), view=home)
    fake.wait_for(lambda: len(fake.calls_to("views.open")) >= 1)
    before = len(fake.calls_to("views.publish"))
    slack.view_submission(
        user_id="UADMIN", callback_id=CallbackId.CALIBRATION_START,
        private_metadata=str(world.program.id), values={
            CalibrationField.CALL_LINK: {CalibrationField.CALL_LINK: {
                "type": "url_text_input", "value": "https://calls.example.com/r/1"}},
            CalibrationField.CLOSES_ON: {CalibrationField.CLOSES_ON: {
                "type": "datepicker", "selected_date": "2027-03-05"}}})
    fake.wait_for(lambda: len(fake.calls_to("views.publish")) > before)
    with database.session_factory.begin() as session:
        calibration = session.query(Calibration).one()
        for slack_id, name in (("UMMIA", "Ann"), ("UMNOAH", "Ben"), ("UMOLGA", "Cat")):
            assert record_scores(session=session, calibration_id=calibration.id,
                                 actor=Actor(slack_id), values=score_values(name),
                                 now=datetime(2027, 3, 3, 11, tzinfo=UTC)) == {}


def assert_no_tier_anywhere(fake: FakeSlack) -> None:
    texts = [json.dumps(call.params, ensure_ascii=False) for call in fake.calls]
    texts += [json.dumps(body, ensure_ascii=False) for body in fake.responses]
    assert len(fake.calls_to("chat.postMessage")) > 100  # a full run: the search means something
    assert fake.calls_to("views.publish")
    for text in texts:
        lowered = text.lower()
        for word in TIER_WORDS:
            assert word not in lowered, f"{word!r} reached Slack: {text[:300]}"
        for n in range(4, 13):
            for spelling in spellings(attainment(n)):
                assert not re.search(rf"(?<![\d,.]){re.escape(spelling)}(?![\d])", text), \
                    f"rep {n}'s attainment reached Slack"
