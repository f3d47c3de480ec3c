"""A signed plan carried forward: in the rep's App Home, in the manager's 1:1 log form, and (the
goal) in each standup prompt; and the contract in every rep's welcome."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import PlanField
from bot.services.actor import Actor
from bot.services.launch import welcome_message
from bot.services.plans.contract import write_contract
from bot.services.plans.signing import cosign_plan, submit_plan
from db.models import CadenceType, Program, Role
from scheduler.plans.standups import StandupPlanner
from tests.blockkit import assert_valid_blocks, assert_valid_view
from tests.coaching_world import build_world
from tests.databases import Database
from tests.handlers.coaching_support import build_live_world, click_log, item, opened_view
from tests.home_world import build_home_world, open_home, text_of
from tests.live import LIVE_NOW
from tests.plans_support import GOOD


def test_the_rep_sees_their_signed_plan_in_the_app_home(
    slack: SignedSender, fake_slack: FakeSlack, database: Database,
) -> None:
    with database.session_factory.begin() as session:
        world = build_home_world(session, fake_slack)
        rep = world.reps[0]
        plan = submit_plan(session=session, program_id=world.program_id, actor=Actor(rep),
                           values=GOOD, now=LIVE_NOW).plan
        assert plan is not None
        cosign_plan(session=session, plan_id=plan.id, revision=1, actor=Actor("UHMGR"),
                    now=LIVE_NOW)
    home = open_home(slack, rep)
    assert_valid_view(home)
    assert ("*Your plan* · Version 1: signed by Rep 00 on Wed 17 Mar 15:00; co-signed by "
            "Marcus Reed on Wed 17 Mar 15:00.") in text_of(home)
    assert "*Q1 goal:* $450k closed" in text_of(home)
    assert "$450k closed" not in text_of(open_home(slack, world.reps[1]))


def test_the_managers_one_on_one_form_shows_the_reps_plan(
    slack: SignedSender, fake_slack: FakeSlack, database: Database,
) -> None:
    world = build_live_world(database, fake_slack)
    with database.session_factory.begin() as session:
        submit_plan(session=session, program_id=world.program_id, actor=Actor("URANA"),
                    values=GOOD, now=LIVE_NOW)
    one_on_one = item(database, world, "URANA", CadenceType.ONE_ON_ONE)
    click_log(slack, "UMLA", one_on_one.id)
    view = opened_view(fake_slack)
    assert_valid_view(view)
    assert "*Q1 goal:* $450k closed" in str(view["blocks"])
    assert "awaiting Marcus Reed's co-signature" in str(view["blocks"])


def test_each_standup_prompt_shows_the_reps_goal(database: Database) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        submit_plan(session=session, program_id=world.program_id, actor=Actor("URANA"),
                    values=GOOD | {PlanField.GOAL: "60 <!here> meetings"}, now=LIVE_NOW)
        prompts = list(StandupPlanner().plan(
            session=session, start=datetime(2027, 1, 13, tzinfo=UTC),
            end=datetime(2027, 1, 14, tzinfo=UTC)))
    ana = next(p for p in prompts if p.channel == "URANA" and p.kind == "standup_prompt")
    ben = next(p for p in prompts if p.channel == "URBEN" and p.kind == "standup_prompt")
    assert ana.blocks is not None
    assert_valid_blocks(ana.blocks)
    assert "Your Q1 goal: *60 &lt;!here&gt; meetings*" in str(ana.blocks)
    assert "Q1 goal" not in str(ben.blocks)


def test_every_reps_welcome_carries_the_contract(database: Database) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        program = session.get_one(Program, world.program_id)
        default = welcome_message(program, frozenset({Role.REP}), "Marcus Reed")[1]
        write_contract(session=session, program=program, now=LIVE_NOW,
                       text="I commit to <!channel> 60 meetings.")
        written = welcome_message(program, frozenset({Role.REP}), "Marcus Reed")[1]
        manager = welcome_message(program, frozenset({Role.MANAGER}), None)[1]
    assert "*What you will sign*\nFor the 30 days after the kickoff I commit" in sections(default)
    assert "*What you will sign*\nI commit to &lt;!channel&gt; 60 meetings." in sections(written)
    assert "What you will sign" not in sections(manager)


def sections(blocks: list[dict[str, Any]]) -> str:
    """The text of a message's sections."""
    return "\n".join(block["text"]["text"] for block in blocks if block["type"] == "section")
