"""The standup planner: prompts at 09:00 and reminders at 11:00 local, only to reps who should
get them; planning cancels what is no longer due."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from bot.blocks.standup_refs import DayRef
from bot.domain.kinds import DeliveryKind
from bot.services.standups.keys import prompt_key, reminder_key
from bot.services.standups.out_today import mark_out_today
from bot.services.standups.turn import StandupTurn
from db.models import DeliveryStatus, Membership, OutOfOffice, Person, Program, ProgramStatus
from scheduler.planning import plan_all
from scheduler.plans.standups import StandupPlanner
from tests.blockkit import assert_valid_blocks
from tests.databases import Database
from tests.standup_world import REPS, World, build_world, deliveries, utc

# Day 1 (Fri 12 March) from Chatham's morning to Los Angeles' night.
DAY_1 = (utc(2027, 3, 11, 12), utc(2027, 3, 13, 12))


@pytest.fixture
def world(database: Database) -> World:
    """The standup program, stored."""
    with database.session_factory.begin() as session:
        return build_world(session)


def planned(database: Database, start: datetime, end: datetime) -> dict[str, datetime]:
    """Key -> due_at of every envelope the planner returns for [start, end)."""
    with database.session_factory() as session:
        return {
            e.key: e.due_at for e in StandupPlanner().plan(session=session, start=start, end=end)
        }


def test_each_rep_is_prompted_at_nine_and_reminded_at_eleven_local(
    database: Database, world: World
) -> None:
    due = planned(database, *DAY_1)
    p = world.program_id
    assert due == {
        prompt_key(p, "UCHA", 1): utc(2027, 3, 11, 19, 15),
        reminder_key(p, "UCHA", 1): utc(2027, 3, 11, 21, 15),
        prompt_key(p, "USYD", 1): utc(2027, 3, 11, 22),
        reminder_key(p, "USYD", 1): utc(2027, 3, 12, 0),
        prompt_key(p, "UKOL", 1): utc(2027, 3, 12, 3, 30),
        reminder_key(p, "UKOL", 1): utc(2027, 3, 12, 5, 30),
        prompt_key(p, "UBER", 1): utc(2027, 3, 12, 8),
        reminder_key(p, "UBER", 1): utc(2027, 3, 12, 10),
        prompt_key(p, "ULA", 1): utc(2027, 3, 12, 17),
        reminder_key(p, "ULA", 1): utc(2027, 3, 12, 19),
    }


def test_the_prompt_greets_the_rep_and_carries_their_day(database: Database, world: World) -> None:
    with database.session_factory() as session:
        envelopes = {
            e.key: e for e in StandupPlanner().plan(session=session, start=DAY_1[0], end=DAY_1[1])
        }
    prompt = envelopes[prompt_key(world.program_id, "UBER", 1)]
    assert prompt.channel == "UBER"
    assert prompt.window_end == utc(2027, 3, 12, 10)  # until the reminder
    assert envelopes[reminder_key(world.program_id, "UBER", 1)].window_end == utc(2027, 3, 12, 23)
    assert prompt.blocks is not None
    assert_valid_blocks(prompt.blocks)
    assert "Good morning Lena Vogel!" in str(prompt.blocks)
    assert "Day 1 of 5" in prompt.text
    values = [e["value"] for e in prompt.blocks[1]["elements"]]
    assert {DayRef.from_value(v) for v in values} == {DayRef(world.program_id, "UBER", 1)}


def test_nothing_for_the_weekend_or_after_the_fifth_day(database: Database, world: World) -> None:
    assert planned(database, utc(2027, 3, 13, 12), utc(2027, 3, 14, 10)) == {}
    assert planned(database, utc(2027, 3, 19, 12), utc(2027, 3, 25)) == {}
    assert len(planned(database, utc(2027, 3, 11), utc(2027, 3, 20))) == 5 * 5 * 2


def test_reps_away_inactive_answered_or_out_today_are_not_planned(
    database: Database, world: World
) -> None:
    with database.session_factory.begin() as session:
        session.add(
            OutOfOffice(
                person_id=world.person_ids["UCHA"],
                first_day=date(2027, 3, 12),
                last_day=date(2027, 3, 12),
            )
        )
        session.get_one(Person, world.person_ids["ULA"]).active = False
        session.scalars(
            select(Membership).where(Membership.person_id == world.person_ids["UBER"])
        ).one().active = False
        mark_out_today(
            session=session,
            turn=StandupTurn(
                program_id=world.program_id,
                rep_user_id="USYD",
                actor_user_id="USYD",
                number=1,
                now=utc(2027, 3, 11, 21),
            ),
        )
    assert {key.split(":")[2] for key in planned(database, *DAY_1)} == {"UKOL"}


def test_a_paused_program_plans_nothing_and_planning_cancels_what_it_had(
    database: Database, world: World
) -> None:
    now = utc(2027, 3, 11, 12)
    with database.session_factory.begin() as session:
        plan_all(session, [StandupPlanner()], now=now)
        # Day 1: the next 2 days.
        assert len(deliveries(session, DeliveryKind.STANDUP_PROMPT)) == len(REPS)
        session.get_one(Program, world.program_id).status = ProgramStatus.PAUSED
    with database.session_factory.begin() as session:
        plan_all(session, [StandupPlanner()], now=now)
    with database.session_factory() as session:
        statuses = {row.status for row in deliveries(session)}
    assert statuses == {DeliveryStatus.CANCELLED}
