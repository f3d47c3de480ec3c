"""Acting from the App Home with the other features' own buttons: the home is published again
after each action, and the same event or click twice changes nothing the second time."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, select

from bot.blocks.standup_modal import FIELD_BLOCKS
from bot.domain.kinds import DeliveryKind
from bot.domain.standups.fields import Field
from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import ActionId, CallbackId, CoachingField
from db.models import (
    Delivery,
    LoggedStatus,
    ProcessedEvent,
    StandupAnswer,
    Survey,
    SurveyAudience,
)
from tests.databases import Database
from tests.handlers.coaching_support import submit
from tests.home_world import (
    ENABLEMENT,
    MANAGER,
    HomeWorld,
    action_ids,
    build_home_world,
    next_home,
    open_home,
    text_of,
)
from tests.live import LIVE_DAY, LIVE_NOW


def build(
    database: Database, fake: FakeSlack, *, reps: int = 3, kickoff: date | None = None
) -> HomeWorld:
    """The home world with `reps` reps (its program in week 2 unless `kickoff` says)."""
    with database.session_factory.begin() as session:
        return build_home_world(session, fake, reps=reps, kickoff=kickoff)


def log_buttons(home: dict[str, Any]) -> list[str]:
    """The item ids of the home's "Log" buttons."""
    return [b["accessory"]["value"] for b in home["blocks"]
            if (b.get("accessory") or {}).get("action_id") == ActionId.COACHING_LOG]


def click(slack: SignedSender, user_id: str, action: ActionId, value: str) -> None:
    """Click a button of the user's home and wait for the home published after it."""
    before = len(slack.fake.calls_to("views.publish"))
    slack.action(user_id=user_id, action_id=action, value=value,
                 view={"id": "VHOME", "type": "home"})
    next_home(slack.fake, user_id, before)


def count(database: Database, model: type[Any], *where: ColumnElement[bool]) -> int:
    """How many rows of `model` match."""
    query = select(func.count()).select_from(model).where(*where)
    with database.session_factory() as session:
        return int(session.scalar(query) or 0)


def test_the_same_event_delivered_twice_publishes_the_home_once(
    slack: SignedSender, fake_slack: FakeSlack, database: Database
) -> None:
    build(database, fake_slack)
    event = {"type": "app_home_opened", "user": MANAGER, "tab": "home"}
    assert slack.event(event, event_id="EvHOME1").status == 200
    fake_slack.wait_for(lambda: len(fake_slack.calls_to("views.publish")) == 1)
    assert slack.event(event, event_id="EvHOME1", retry_num=1).status == 200
    assert slack.event({"type": "app_home_opened", "user": MANAGER, "tab": "messages"},
                       event_id="EvHOME2").status == 200
    open_home(slack, MANAGER, event_id="EvHOME3")  # a later event is handled: the one before
    assert len(fake_slack.calls_to("views.publish")) == 2  # had nothing left to publish
    assert count(database, ProcessedEvent) == 3


def test_out_today_from_the_home_twice_records_one_answer_and_shows_it(
    slack: SignedSender, fake_slack: FakeSlack, database: Database
) -> None:
    world = build(database, fake_slack, kickoff=LIVE_DAY - timedelta(days=1))
    rep = world.reps[0]
    home = open_home(slack, rep)
    assert {ActionId.STANDUP_ANSWER, ActionId.STANDUP_OUT_TODAY} <= action_ids(home)
    value = next(e["value"] for b in home["blocks"] for e in b.get("elements", [])
                 if e.get("action_id") == ActionId.STANDUP_OUT_TODAY)
    click(slack, rep, ActionId.STANDUP_OUT_TODAY, value)
    click(slack, rep, ActionId.STANDUP_OUT_TODAY, value)
    assert count(database, StandupAnswer) == 1
    home = fake_slack.home(rep) or {}
    assert "marked as out today" in text_of(home)
    assert ActionId.STANDUP_OUT_TODAY not in action_ids(home)


def test_answering_todays_standup_from_the_home_shows_it_answered(
    slack: SignedSender, fake_slack: FakeSlack, database: Database
) -> None:
    world = build(database, fake_slack, kickoff=LIVE_DAY - timedelta(days=1))
    rep = world.reps[0]
    home = open_home(slack, rep)
    value = next(e["value"] for b in home["blocks"] for e in b.get("elements", [])
                 if e.get("action_id") == ActionId.STANDUP_ANSWER)
    slack.action(user_id=rep, action_id=ActionId.STANDUP_ANSWER, value=value, view=home)
    fake_slack.wait_for(lambda: bool(fake_slack.calls_to("views.open")))
    modal = next(v for v in fake_slack.views.values() if v["type"] == "modal")
    texts = {Field.ACTIVITY: "Call three churned accounts", Field.WIN: "Booked a demo",
             Field.BLOCKER: None}
    values: dict[str, dict[str, dict[str, Any]]] = {
        FIELD_BLOCKS[f]: {ActionId.STANDUP_TEXT: {"type": "plain_text_input", "value": text}}
        for f, text in texts.items()}
    before = len(fake_slack.calls_to("views.publish"))
    slack.view_submission(user_id=rep, callback_id=CallbackId.STANDUP_ANSWER, values=values,
                          view_id=modal["id"])
    answered = next_home(fake_slack, rep, before)
    assert "*Day 1 of 5*: answered" in text_of(answered)
    assert ActionId.STANDUP_EDIT in action_ids(answered)
    assert count(database, StandupAnswer) == 1


def test_resolved_from_the_home_twice_tells_the_rep_once(
    slack: SignedSender, fake_slack: FakeSlack, database: Database
) -> None:
    world = build(database, fake_slack)
    with database.session_factory.begin() as session:
        answer = StandupAnswer(
            program_id=world.program_id, person_id=world.people[world.reps[1]], day_number=2,
            local_date=LIVE_DAY - timedelta(days=6), activity="Call Acme", win="Booked a demo",
            blocker="No access to the <!channel> CRM sandbox", manager_id=world.people[MANAGER],
            answered_at=LIVE_NOW,
        )
        session.add(answer)
        session.flush()
        answer_id = answer.id
    home = open_home(slack, MANAGER)
    assert "No access to the &lt;!channel&gt; CRM sandbox" in text_of(home)
    click(slack, MANAGER, ActionId.STANDUP_RESOLVE, str(answer_id))
    click(slack, MANAGER, ActionId.STANDUP_RESOLVE, str(answer_id))
    assert count(database, Delivery, Delivery.kind == DeliveryKind.STANDUP_BLOCKER_RESOLVED) == 1
    assert "Open blockers" not in text_of(fake_slack.home(MANAGER) or {})


def test_the_home_is_published_again_after_logging_an_item(
    slack: SignedSender, fake_slack: FakeSlack, database: Database
) -> None:
    build(database, fake_slack)
    home = open_home(slack, MANAGER)
    logs = log_buttons(home)
    assert "Coaching to log this week*: 6" in text_of(home)
    before = len(fake_slack.calls_to("views.publish"))
    answer = submit(slack, MANAGER, int(logs[0]), LoggedStatus.SKIPPED,
                    {CoachingField.SKIP_REASON: "Rep on a customer visit all week"})
    assert answer["response_action"] == "update"
    refreshed = next_home(fake_slack, MANAGER, before)
    assert "Coaching to log this week*: 5" in text_of(refreshed)
    assert log_buttons(refreshed) == logs[1:]


def test_a_manager_with_40_reps_gets_a_home_within_100_blocks_a_page_at_a_time(
    slack: SignedSender, fake_slack: FakeSlack, database: Database
) -> None:
    world = build(database, fake_slack, reps=40)
    home = open_home(slack, MANAGER)
    assert len(home["blocks"]) <= 100
    assert "*Q1 Kickoff* · 40 reps" in text_of(home)
    assert "Coaching to log this week*: 80 · page 1 of 8" in text_of(home)
    assert action_ids(home) == {ActionId.HOME_OOO, ActionId.COACHING_LOG, ActionId.HOME_PAGE,
                                 ActionId.COMMITMENT_OPEN}
    click(slack, MANAGER, ActionId.HOME_PAGE, f"{world.program_id}:1")
    second = fake_slack.home(MANAGER) or {}
    assert "page 2 of 8" in text_of(second)
    assert ActionId.HOME_PAGE_BACK in action_ids(second)
    assert text_of(second) != text_of(home)


def test_a_survey_waits_in_the_reps_home_until_enablement_closes_it_from_theirs(
    slack: SignedSender, fake_slack: FakeSlack, database: Database
) -> None:
    world = build(database, fake_slack)
    fake_slack.add_channel("CRESULTS", "enablement-results")
    now = LIVE_NOW
    with database.session_factory.begin() as session:
        survey = Survey(workspace_id=world.workspace_id, program_id=world.program_id,
                        title="Week-2 <!here> pulse", question="How likely are you to "
                        "recommend this kickoff?", audience=SurveyAudience.REPS,
                        opens_at=now - timedelta(hours=1), closes_at=now + timedelta(days=3),
                        results_channel="CRESULTS", minimum=3)
        session.add(survey)
        session.flush()
        survey_id = survey.id
    rep_home = open_home(slack, world.reps[0])
    assert ActionId.SURVEY_ANSWER in action_ids(rep_home)
    assert "Week-2 &lt;!here&gt; pulse" in text_of(rep_home)
    assert ActionId.SURVEY_ANSWER not in action_ids(open_home(slack, MANAGER))
    assert ActionId.SURVEY_CLOSE in action_ids(open_home(slack, ENABLEMENT))
    click(slack, ENABLEMENT, ActionId.SURVEY_CLOSE, str(survey_id))
    assert "closed below the minimum of 3" in text_of(fake_slack.home(ENABLEMENT) or {})
    assert ActionId.SURVEY_ANSWER not in action_ids(open_home(slack, world.reps[0]))
