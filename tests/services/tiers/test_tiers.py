"""Hidden tiers: a file's attainment split into thirds as by hand (ties, 7 reps), a row's own
tier kept, bad rows named by line with nothing stored, the breakout lists and the lift by tier
refused to reps and managers, and erasing a rep erases their tier."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.errors import NotAllowed
from bot.features.registry import REGISTRY
from bot.services.actor import Actor
from bot.services.erasure.person import erase_person
from bot.services.tiers.breakout import breakout_rows, tier_of_reps
from bot.services.tiers.importing import TiersRejected, import_tiers
from bot.services.tiers.lift import lift_by_tier
from db.models import RepTier, Tier
from tests.databases import Database
from tests.services.metrics.world import NOW, World, build_world, csv_of

T, M, B = Tier.TOP, Tier.MIDDLE, Tier.BOTTOM


def tiers_by_rep(session: Session, world: World) -> dict[int, Tier]:
    found = tier_of_reps(session=session, program_id=world.program.id)
    return {n: found[rep.id] for n, rep in enumerate(world.reps, start=1) if rep.id in found}


def test_attainment_of_seven_reps_with_ties_gives_the_hand_split(database: Database) -> None:
    # ranked: r3 140, r1 120, r5 120 | r2 97.5, r7 80 | r4 80, r6 61: 7 reps split 2 / 3 / 2,
    # r1 and r5 tie across the top's boundary (both top), r7 and r4 across the middle's
    content = csv_of("r1@example.com,120", "r2@example.com,\"97,5\"", "UREP03,140%",
                     "r4@example.com,80", "r5@example.com,120", "r6@example.com,61",
                     "r7@example.com,80", header="email,attainment")
    content = content.replace(b"UREP03,", b"r3@example.com,")
    with database.session_factory.begin() as session:
        world = build_world(session)
        counts = import_tiers(session=session, program=world.program, content=content, now=NOW)
        split = tiers_by_rep(session, world)
    assert split == {3: T, 1: T, 5: T, 2: M, 7: M, 4: M, 6: B}
    assert (counts[T], counts[M], counts[B]) == (3, 3, 1)


def test_a_rows_own_tier_is_kept_and_the_rest_split_by_thirds(database: Database) -> None:
    content = csv_of("UREP01,,bottom", "UREP02,90,", "UREP03,70,", "UREP04,50,",
                     "UREP05,99,top", header="slack_id,attainment,tier")
    with database.session_factory.begin() as session:
        world = build_world(session)
        import_tiers(session=session, program=world.program, content=content, now=NOW)
        first = tiers_by_rep(session, world)
        import_tiers(session=session, program=world.program, now=NOW,
                     content=csv_of("UREP09,top", header="slack_id,tier"))
        replaced = tiers_by_rep(session, world)
    assert first == {1: B, 2: T, 3: M, 4: B, 5: T}
    assert replaced == {9: T}  # a file replaces the program's tiers


def test_every_bad_row_is_named_by_its_line_and_nothing_is_stored(database: Database) -> None:
    content = csv_of("r1@example.com,110,", "nobody@example.com,90,", "r2@example.com,lots,",
                     "r3@example.com,,gold", "r4@example.com,,", "r1@example.com,80,",
                     "mia@example.com,100,", "r5@example.com,-3,",
                     header="email,attainment,tier")
    with database.session_factory.begin() as session:
        world = build_world(session)
        import_tiers(session=session, program=world.program, now=NOW,
                     content=csv_of("UREP01,top", header="slack_id,tier"))
        with pytest.raises(TiersRejected) as rejected:
            import_tiers(session=session, program=world.program, content=content, now=NOW)
        kept = tiers_by_rep(session, world)
    assert [str(p) for p in rejected.value.problems] == [
        "line 3: unknown person 'nobody@example.com' (not a member of this program)",
        "line 4: attainment: 'lots' is not a number",
        "line 5: tier 'gold' is not top, middle or bottom",
        "line 6: needs an attainment or a tier",
        "line 7: a duplicate of line 2 (same rep)",
        "line 8: 'mia@example.com' is not a rep of this program",
        "line 9: attainment: '-3' is negative",
    ]
    assert kept == {1: T}  # the earlier tiers stand
    assert "nothing was changed" in str(rejected.value)


def test_a_rep_or_a_manager_reading_tiers_is_refused(database: Database) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        import_tiers(session=session, program=world.program, now=NOW,
                     content=csv_of("UREP01,top", header="slack_id,tier"))
        for who in ("UREP01", "UMMIA"):
            with pytest.raises(NotAllowed, match="read its tiers"):
                breakout_rows(session=session, program=world.program, actor=Actor(who))
            with pytest.raises(NotAllowed, match="read its tiers"):
                lift_by_tier(session=session, program=world.program, actor=Actor(who), week=4,
                             today=NOW.date())
        rows = breakout_rows(session=session, program=world.program, actor=Actor("UADMIN"))
    assert rows == [[T, "Rep 1", "r1@example.com", "UREP01", None, "Mia Manager", None]]


def test_erasing_a_rep_erases_their_tier(database: Database) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        import_tiers(session=session, program=world.program, now=NOW,
                     content=csv_of("UREP01,101", "UREP02,99", "UREP03,98",
                                    header="slack_id,attainment"))
        erase_person(session=session, person=world.reps[0], columns=REGISTRY.personal_data())
        left = session.scalar(select(func.count(RepTier.id)))
    assert left == 2
