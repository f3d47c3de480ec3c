"""Decisions on the day-32 read-out through signed requests: leaders and enablement record them
(reps and managers are refused), the reply lands escaped in the read-out's thread, an edit
within 14 days keeps every version, one after is refused, and the owner must be in the
program."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import ActionId, CallbackId, DecisionField
from bot.services.ledger.policy import REFUSAL
from db.models import Decision, DecisionRevision, Program, Role, Workspace
from scheduler.dispatcher import Dispatcher
from tests.audit_world import AUDIT_CHANNEL, LEADER, World, build_world, utc
from tests.blockkit import assert_valid_view
from tests.databases import Database
from tests.factories import add_member, make_person
from tests.live import place_clock

ENABLEMENT = "UENABLE"
READOUT_AT = utc(2, 12)  # day 32, 09:00 Berlin
LATER = utc(2, 12, 10)


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack, dispatcher: Dispatcher) -> World:
    """The audit program with an enablement member, its read-out posted on day 32."""
    with database.session_factory.begin() as session:
        built = build_world(session, fake_slack)
        fake_slack.add_user(ENABLEMENT, real_name="Eve Enablement", tz="Europe/Berlin")
        enablement = make_person(session, session.get_one(Workspace, built.workspace_id),
                                 ENABLEMENT, name="Eve Enablement")
        add_member(session, session.get_one(Program, built.program_id), enablement,
                   Role.ENABLEMENT)
    dispatcher.tick(now=READOUT_AT)
    place_clock(fake_slack, LATER)
    return built


def readout(fake: FakeSlack) -> dict[str, Any]:
    """The read-out as posted in the audit channel."""
    [post] = [m for m in fake.messages(AUDIT_CHANNEL) if "Read-out of" in m["text"]]
    return post


def values(*, verdict: str = "change", owner: str = "UMADA", reason: str = "Too few held",
           intervention: str | None = "call_reviews", custom: str | None = None,
           confounds: tuple[str, ...] = ("comp_plan",)) -> dict[str, dict[str, Any]]:
    """The decision modal's state as Slack sends it."""
    def of(element: dict[str, Any]) -> dict[str, Any]:
        return {ActionId.DECISION_INPUT: element}

    return {
        DecisionField.INTERVENTION: of({"type": "static_select", "selected_option":
                                        {"value": intervention} if intervention else None}),
        DecisionField.CUSTOM: of({"type": "plain_text_input", "value": custom}),
        DecisionField.VERDICT: of({"type": "radio_buttons", "selected_option": {"value": verdict}}),
        DecisionField.OWNER: of({"type": "users_select", "selected_user": owner}),
        DecisionField.REASON: of({"type": "plain_text_input", "value": reason}),
        DecisionField.CONFOUNDS: of({"type": "checkboxes", "selected_options": [
            {"value": value} for value in confounds]}),
    }


def submit(slack: SignedSender, world: World, user_id: str, **typed: Any) -> dict[str, Any]:
    """Submit the decision modal as `user_id`; the app's answer to the submission."""
    response = slack.view_submission(
        user_id=user_id, callback_id=CallbackId.DECISION, values=values(**typed),
        private_metadata=json.dumps({"program": world.program_id}))
    assert response.status == 200
    return response.json or {}


def reply_texts(fake: FakeSlack) -> list[str]:
    """The texts of the replies in the read-out's thread."""
    post = readout(fake)
    return [block["text"]["text"] for reply in fake.replies(AUDIT_CHANNEL, post["ts"])
            if reply["ts"] != post["ts"] for block in reply["blocks"] if "text" in block]


def test_the_readout_carries_the_button_which_opens_the_modal_for_a_leader(
    slack: SignedSender, fake_slack: FakeSlack, world: World
) -> None:
    [button] = [element for block in readout(fake_slack)["blocks"] if block["type"] == "actions"
                for element in block["elements"]]
    assert button["action_id"] == ActionId.READOUT_DECIDE
    slack.action(user_id=LEADER, action_id=ActionId.READOUT_DECIDE, value=button["value"],
                 channel_id=AUDIT_CHANNEL, message=readout(fake_slack))
    fake_slack.wait_for(lambda: any(v.get("callback_id") == CallbackId.DECISION
                                    for v in fake_slack.views.values()))
    [view] = [v for v in fake_slack.views.values() if v.get("callback_id") == CallbackId.DECISION]
    assert_valid_view(view)


@pytest.mark.parametrize("user_id", [LEADER, ENABLEMENT])
def test_a_leader_and_enablement_record_a_decision_posted_escaped_in_the_thread(
    slack: SignedSender, fake_slack: FakeSlack, dispatcher: Dispatcher, database: Database,
    world: World, user_id: str,
) -> None:
    answer = submit(slack, world, user_id, reason="Kill <!channel> & <@UR1> noise",
                    custom="Peer *war* stories <b>", intervention=None)
    assert answer["response_action"] == "update"
    dispatcher.tick(now=LATER + timedelta(minutes=1))
    [reply] = reply_texts(fake_slack)
    assert reply == ("*Peer *war* stories &lt;b&gt;: Change* (owner Ada Park): Kill "
                     "&lt;!channel&gt; &amp; &lt;@UR1&gt; noise\n"
                     "Confounds present: new comp plan")
    with database.session_factory() as session:
        decision = session.scalars(select(Decision)).one()
        assert decision.intervention == "custom:Peer *war* stories <b>"


@pytest.mark.parametrize("user_id", ["UR1", "UMADA"])  # a rep, a manager
def test_a_rep_and_a_manager_are_refused(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, world: World, user_id: str
) -> None:
    answer = submit(slack, world, user_id)
    assert answer["response_action"] == "update"
    assert REFUSAL in json.dumps(answer["view"])
    slack.action(user_id=user_id, action_id=ActionId.READOUT_DECIDE,
                 value=str(world.program_id), channel_id=AUDIT_CHANNEL,
                 message=readout(fake_slack))
    fake_slack.wait_for(lambda: any(REFUSAL in json.dumps(r) for r in fake_slack.responses))
    assert not any(v.get("callback_id") == CallbackId.DECISION for v in fake_slack.views.values())
    with database.session_factory() as session:
        assert session.scalars(select(Decision)).all() == []


def test_an_owner_outside_the_program_is_refused_beside_the_field(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, world: World
) -> None:
    fake_slack.add_user("UOUTSIDER", real_name="Out Sider")
    answer = submit(slack, world, LEADER, owner="UOUTSIDER")
    assert answer == {"response_action": "errors", "errors": {
        DecisionField.OWNER: "The owner must be a person in the program."}}
    with database.session_factory() as session:
        assert session.scalars(select(Decision)).all() == []


def test_an_edit_within_14_days_keeps_history_and_updates_the_reply_one_after_is_refused(
    slack: SignedSender, fake_slack: FakeSlack, dispatcher: Dispatcher, database: Database,
    world: World,
) -> None:
    submit(slack, world, LEADER, verdict="keep", reason="Held at 91%")
    dispatcher.tick(now=LATER + timedelta(minutes=1))
    edit_at = LATER + timedelta(days=13, hours=23)
    place_clock(fake_slack, edit_at)
    answer = submit(slack, world, ENABLEMENT, verdict="kill", owner="UMBO", reason="Costly")
    assert answer["response_action"] == "update"
    dispatcher.tick(now=edit_at + timedelta(minutes=1))
    [reply] = reply_texts(fake_slack)  # the same message, edited
    assert reply.startswith("*Call reviews: Kill* (owner Bo Chen): Costly")
    place_clock(fake_slack, LATER + timedelta(days=14, minutes=1))
    refused = submit(slack, world, LEADER, verdict="change", reason="Too late")
    assert "can be edited for 14 days" in json.dumps(refused["view"])
    with database.session_factory() as session:
        decision = session.scalars(select(Decision)).one()
        revisions = session.scalars(select(DecisionRevision).order_by(
            DecisionRevision.version)).all()
    assert (decision.verdict, decision.reason, decision.version) == ("kill", "Costly", 2)
    assert [(r.version, r.verdict, r.reason) for r in revisions] == [
        (1, "keep", "Held at 91%"), (2, "kill", "Costly")]
