"""The rep's plan through signed requests to the real app: field errors, co-sign, ask to revise
and the rep's new revision, a change after both signed (version 2), and refusals."""

from __future__ import annotations

import pytest

from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import ActionId, PlanField
from scheduler.dispatcher import Dispatcher
from tests.blockkit import assert_valid_blocks, assert_valid_view
from tests.coaching_world import World, build_world
from tests.databases import Database
from tests.handlers.standup_slack import button_value
from tests.plans_support import (
    GOOD,
    answer_after,
    click,
    dms_starting,
    plans_of,
    stand_at,
    submit_plan,
    submit_reason,
)


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack) -> World:
    """The New York event, on its first afternoon."""
    stand_at(fake_slack)
    with database.session_factory.begin() as session:
        return build_world(session, fake_slack)


def review_dm(fake: FakeSlack, dispatcher: Dispatcher, manager: str, count: int = 1
              ) -> dict[str, object]:
    """The dispatcher sends the manager's copy; returns the `count`-th one."""
    dispatcher.tick(now=dispatcher.clock.now())
    copies = dms_starting(fake, manager, "Rep Ana signed their plan")
    assert len(copies) == count
    assert_valid_blocks(copies[-1]["blocks"])
    return copies[-1]


def test_the_modal_opens_with_the_contract_and_shows_field_errors(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, world: World,
) -> None:
    click(slack, "URANA", ActionId.PLAN_WRITE, str(world.program_id))
    fake_slack.wait_for(lambda: len(fake_slack.calls_to("views.open")) == 1)
    view = fake_slack.calls_to("views.open")[0].params["view"]
    assert "What you will sign" in str(view["blocks"])
    assert_valid_view(view)
    answer = submit_plan(slack, "URANA", world.program_id, {
        PlanField.GOAL: "", PlanField.OBSTACLE_1: "", PlanField.FOCUS: "discovery",
        PlanField.COACHING_PLAN: "x" * 1501, PlanField.AGREE: "agree"})
    assert answer["response_action"] == "errors"
    assert set(answer["errors"]) == {"goal", "obstacle_1", "coaching_plan"}
    assert "1500 characters" in answer["errors"]["coaching_plan"]
    vague = submit_plan(slack, "URANA", world.program_id, GOOD | {PlanField.GOAL: "do better"})
    assert vague["errors"] == {"goal": "Give a number with its unit, e.g. \"$450k closed\"."}
    assert plans_of(database, world.people["URANA"]) == []


def test_the_rep_signs_and_the_manager_co_signs(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, dispatcher: Dispatcher,
    world: World,
) -> None:
    assert submit_plan(slack, "URANA", world.program_id, GOOD)["response_action"] == "update"
    [plan] = plans_of(database, world.people["URANA"])
    assert (plan.version, plan.obstacles, plan.manager_signed_at) == (
        1, ["Too few meetings with CFOs"], None)
    copy = review_dm(fake_slack, dispatcher, "UMLA")
    assert "$450k closed" in str(copy["blocks"])
    before = len(fake_slack.responses)
    click(slack, "UMLA", ActionId.PLAN_COSIGN, button_value(copy, ActionId.PLAN_COSIGN))
    answer = answer_after(fake_slack, before)
    assert answer["replace_original"] is True
    assert "You co-signed *Rep Ana*'s plan." in str(answer["blocks"])
    [signed] = plans_of(database, world.people["URANA"])
    assert signed.locked
    assert signed.rep_signed_at == plan.rep_signed_at


def test_ask_to_revise_then_the_rep_resubmits(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, dispatcher: Dispatcher,
    world: World,
) -> None:
    submit_plan(slack, "URANA", world.program_id, GOOD)
    first = review_dm(fake_slack, dispatcher, "UMLA")
    [plan] = plans_of(database, world.people["URANA"])
    assert submit_reason(slack, "UMLA", plan, " ")["errors"] == {
        "revise_reason": "Say what the rep should change."}
    assert submit_reason(slack, "UMLA", plan, "Make it <!channel> pipeline, not closed")[
        "response_action"] == "update"
    dispatcher.tick(now=dispatcher.clock.now())
    [told] = dms_starting(fake_slack, "URANA", "Marcus Reed asks you to revise")
    assert "Make it &lt;!channel&gt; pipeline, not closed" in str(told["blocks"])
    submit_plan(slack, "URANA", world.program_id, GOOD | {PlanField.GOAL: "$1.2M pipeline"})
    [revised] = plans_of(database, world.people["URANA"])
    assert (revised.version, revised.revision, revised.goal, revised.revise_reason) == (
        1, 2, "$1.2M pipeline", None)
    before = len(fake_slack.responses)
    click(slack, "UMLA", ActionId.PLAN_COSIGN, button_value(first, ActionId.PLAN_COSIGN))
    assert "changed this plan since" in answer_after(fake_slack, before)["text"]
    assert not plans_of(database, world.people["URANA"])[0].locked
    second = review_dm(fake_slack, dispatcher, "UMLA", count=2)
    click(slack, "UMLA", ActionId.PLAN_COSIGN, button_value(second, ActionId.PLAN_COSIGN))
    fake_slack.wait_for(lambda: plans_of(database, world.people["URANA"])[0].locked)


def test_a_change_after_both_signed_is_version_2_both_sign_again(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, dispatcher: Dispatcher,
    world: World,
) -> None:
    submit_plan(slack, "URANA", world.program_id, GOOD)
    click(slack, "UMLA", ActionId.PLAN_COSIGN,
          button_value(review_dm(fake_slack, dispatcher, "UMLA"), ActionId.PLAN_COSIGN))
    fake_slack.wait_for(lambda: plans_of(database, world.people["URANA"])[0].locked)
    submit_plan(slack, "URANA", world.program_id, GOOD | {PlanField.GOAL: "70 meetings"})
    first, second = plans_of(database, world.people["URANA"])
    assert (first.goal, first.locked, first.replaced_at is not None) == (
        "$450k closed", True, True)
    assert (second.version, second.goal, second.locked) == (2, "70 meetings", False)
    copy = review_dm(fake_slack, dispatcher, "UMLA", count=2)
    assert "version 2" in str(copy["blocks"])
    click(slack, "UMLA", ActionId.PLAN_COSIGN, button_value(copy, ActionId.PLAN_COSIGN))
    fake_slack.wait_for(lambda: plans_of(database, world.people["URANA"])[1].locked)


def test_another_managers_co_signature_and_another_reps_look_are_refused(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, dispatcher: Dispatcher,
    world: World,
) -> None:
    submit_plan(slack, "URANA", world.program_id, GOOD)
    copy = review_dm(fake_slack, dispatcher, "UMLA")
    before = len(fake_slack.responses)
    click(slack, "UMBER", ActionId.PLAN_COSIGN, button_value(copy, ActionId.PLAN_COSIGN))
    refusal = answer_after(fake_slack, before)
    assert refusal["response_type"] == "ephemeral"
    assert refusal["text"] == ("Only Rep Ana's manager, Marcus Reed, can co-sign or return "
                               "their plan, so nothing was changed.")
    [plan] = plans_of(database, world.people["URANA"])
    assert plan.manager_signed_at is None
    click(slack, "URBEN", ActionId.PLAN_VIEW, str(plan.id))
    peek = answer_after(fake_slack, before + 1)
    assert peek["text"] == ("A plan is seen only by its rep, their manager and program admins; "
                            "you cannot open Rep Ana's.")
    click(slack, "UMLA", ActionId.PLAN_VIEW, str(plan.id))
    fake_slack.wait_for(lambda: len(fake_slack.calls_to("views.open")) == 1)
    assert "$450k closed" in str(fake_slack.calls_to("views.open")[0].params["view"])
    [unchanged] = plans_of(database, world.people["URANA"])
    assert (unchanged.id, unchanged.revision, unchanged.manager_signed_at) == (plan.id, 1, None)
    assert len(dms_starting(fake_slack, "UMLA", "Rep Ana signed")) == 1
