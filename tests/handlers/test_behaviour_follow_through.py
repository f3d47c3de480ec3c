"""The last agreed behaviour carried forward: the next 1:1 or call review's log form shows it and
asks "Did it change?" (recorded), the manager's digest shows it beside the rep, and the rep's App
Home shows their agreed behaviours and their follow-through."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from bot.blocks.coaching.digest import build_digest_message
from bot.domain.coaching.views import Digest
from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import CoachingField as F
from bot.services.coaching.behaviours import latest_behaviours
from db.models import CadenceType, Change, CoachingItem, LoggedStatus
from tests.blockkit import assert_valid_view
from tests.coaching_world import World
from tests.databases import Database
from tests.handlers.coaching_support import build_live_world, click_log, item, opened_view, submit
from tests.home_world import open_home, text_of
from tests.live import LIVE_DAY

AGREED = "Ask for a dated next step <!here>"
HELD_ONE = {F.HELD_ON: (LIVE_DAY - timedelta(days=1)).isoformat(), F.DURATION: "45",
            F.PIPELINE_REVIEWED: "yes"}


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack) -> World:
    """The live program; Ana's week-2 call review was held three days ago, a behaviour agreed."""
    built = build_live_world(database, fake_slack)
    with database.session_factory.begin() as session:
        review = session.scalars(select(CoachingItem).where(
            CoachingItem.rep_id == built.people["URANA"],
            CoachingItem.cadence == CadenceType.CALL_REVIEW, CoachingItem.week == 2)).one()
        review.status, review.held_on = LoggedStatus.DONE, LIVE_DAY - timedelta(days=3)
        review.agreed_behaviour = AGREED
    return built


def test_the_one_on_one_form_asks_whether_the_agreed_behaviour_changed(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, world: World
) -> None:
    one_on_one = item(database, world, "URANA", CadenceType.ONE_ON_ONE)
    assert click_log(slack, "UMLA", one_on_one.id).status == 200
    view = opened_view(fake_slack)
    assert_valid_view(view)
    assert "*Last agreed behaviour:* Ask for a dated next step &lt;!here&gt;" in str(view)
    inputs = [b.get("block_id") for b in view["blocks"] if b["type"] == "input"]
    assert inputs[0] == F.BEHAVIOUR_CHANGED

    refused = submit(slack, "UMLA", one_on_one.id, LoggedStatus.DONE, HELD_ONE)
    assert refused["response_action"] == "errors"
    assert set(refused["errors"]) == {F.BEHAVIOUR_CHANGED}
    assert item(database, world, "URANA", CadenceType.ONE_ON_ONE).status is LoggedStatus.PLANNED

    saved = submit(slack, "UMLA", one_on_one.id, LoggedStatus.DONE,
                   {**HELD_ONE, F.BEHAVIOUR_CHANGED: "partly"})
    assert saved["response_action"] == "update"
    assert item(database, world, "URANA", CadenceType.ONE_ON_ONE).behaviour_changed is (
        Change.PARTLY)

    home = text_of(open_home(slack, "URANA"))
    assert "Your agreed behaviours and follow-through" in home
    assert "Ask for a dated next step &lt;!here&gt;" in home
    assert "Changed, as logged: 0 of 1 behaviours done (1 partly), 0%" in home


def test_a_rep_without_an_agreed_behaviour_is_not_asked(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, world: World
) -> None:
    one_on_one = item(database, world, "URBEN", CadenceType.ONE_ON_ONE)
    assert click_log(slack, "UMLA", one_on_one.id).status == 200
    view = opened_view(fake_slack)
    assert "Last agreed behaviour" not in str(view)
    assert submit(slack, "UMLA", one_on_one.id, LoggedStatus.DONE,
                  HELD_ONE)["response_action"] == "update"


def test_the_digest_shows_the_last_agreed_behaviour_beside_the_rep(
    database: Database, world: World
) -> None:
    with database.session_factory() as session:
        items = list(session.scalars(select(CoachingItem).where(
            CoachingItem.manager_id == world.people["UMLA"], CoachingItem.week == 2,
            CoachingItem.status == LoggedStatus.PLANNED)))
        behaviours = latest_behaviours(session=session, program_id=world.program_id,
                                       rep_ids={i.rep_id for i in items})
        digest = Digest(day=date(2027, 3, 15), this_week=items, due_next=[], overdue=[],
                        behaviours=behaviours)
        text = str(build_digest_message("FY27", digest, "UTC"))
    assert behaviours == {world.people["URANA"]: AGREED}
    assert text.count("_Last agreed:_") == 1  # beside Ana's 1:1; her colleagues agreed none yet
    assert "_Last agreed:_ Ask for a dated next step &lt;!here&gt;" in text
