"""Block budgets: each surface's limit, shared between sections, paged where a section overflows;
a 40-rep manager's App Home and digest stay within them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.blocks.coaching.digest import build_digest_message
from bot.blocks.home.compose import build_home_view
from bot.domain.block_budget import LIMITS, Sharing, Surface, fit, page_of
from bot.domain.coaching.views import Digest
from bot.fakeslack import FakeSlack
from bot.services.actor import Actor
from bot.services.home import gather_home
from db.models import CadenceType, CoachingItem, LoggedStatus, Person
from tests.blockkit import assert_valid_blocks, assert_valid_view
from tests.databases import Database
from tests.home_world import ADMIN, MANAGER, HomeWorld, build_home_world
from tests.live import LIVE_NOW
from tests.services.test_home_queries import add_reps

TODAY = date(2027, 3, 18)


def test_each_surface_has_its_slack_limit() -> None:
    assert dict(LIMITS) == {Surface.HOME: 100, Surface.MESSAGE: 50, Surface.MODAL: 100}
    assert len(fit([{"type": "divider"}] * 120, Surface.MESSAGE)) == 50


def test_a_section_gets_the_room_left_less_what_later_sections_keep() -> None:
    home = Sharing(Surface.HOME)
    assert home.room(name="rep", used=10, after=2) == 100 - 10 - 2 * 8
    assert home.room(name="admin", used=60, after=0) == 40


def test_a_registry_can_give_a_section_its_own_budget() -> None:
    capped = Sharing(Surface.HOME, caps={"manager": 30})
    assert capped.room(name="manager", used=4, after=1) == 30
    assert capped.room(name="leader", used=40, after=0) == 60


def test_a_page_out_of_range_is_the_nearest_page() -> None:
    items = list(range(25))
    assert page_of(items, size=10, number=0).rows == list(range(10))
    last = page_of(items, size=10, number=9)
    assert (list(last.rows), last.number, last.count) == ([20, 21, 22, 23, 24], 2, 3)
    assert page_of([], size=10, number=3).count == 1


def _item(number: int, rep: Person, manager: Person, cadence: CadenceType) -> CoachingItem:
    """An unsaved planned item of `rep` with `manager`."""
    return CoachingItem(id=number, program_id=1, cadence=cadence, week=2,
                        status=LoggedStatus.PLANNED, due_date=TODAY + timedelta(days=number % 3),
                        revision=1, rep=rep, manager=manager)


def test_a_40_rep_managers_digest_stays_within_a_message_and_points_to_the_rest() -> None:
    manager = Person(name="Marcus Reed", slack_user_id="UMLA", timezone="UTC")
    reps = [Person(name=f"Rep {n:02d}", slack_user_id=f"UREP{n:02d}", timezone="UTC")
            for n in range(40)]
    items = [_item(n * 3 + k, rep, manager, cadence) for n, rep in enumerate(reps)
             for k, cadence in enumerate((CadenceType.ONE_ON_ONE, CadenceType.CALL_REVIEW))]
    digest = Digest(day=TODAY, this_week=items[:40], due_next=items[40:60], overdue=items[60:])
    blocks = build_digest_message("FY27 Kickoff", digest, "UTC")
    assert_valid_blocks(blocks)
    assert len(blocks) <= LIMITS[Surface.MESSAGE]
    assert "…and 40 more: `/kickoff log @rep` lists them." in str(blocks)


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack) -> HomeWorld:
    """The home world's program, its manager with 40 reps."""
    with database.session_factory.begin() as session:
        world = build_home_world(session, fake_slack)
    add_reps(database, world, 37)
    return world


def test_a_40_rep_managers_home_keeps_to_the_budget_a_registry_gives_it(
    database: Database, world: HomeWorld
) -> None:
    actor = Actor(slack_user_id=MANAGER)
    with database.session_factory() as session:
        data = gather_home(session=session, actor=actor, kickoff_admins=(ADMIN,), now=LIVE_NOW)
        full = build_home_view(data)
        capped = build_home_view(data, sharing=Sharing(Surface.HOME, caps={"manager": 12}),
                                 pages={world.program_id: 1})
    for view in (full, capped):
        assert_valid_view(view)
    assert len(full["blocks"]) <= LIMITS[Surface.HOME]
    assert "40 reps" in str(full["blocks"])
    assert "page 1 of 8" in str(full["blocks"])
    section = [block.get("text", {}).get("text") for block in capped["blocks"]].index("Your team")
    assert len(capped["blocks"][section:]) <= 12
    assert "page 2 of" in str(capped["blocks"])
