"""Break-even in the posts: the day-32 read-out shows the attainment needed and the bear-case
caveat; the day-100 re-measure sets it beside the attainment lift over the same period only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from bot.domain.ledger.break_even import BEAR_CASE
from bot.services.ledger.break_even import set_break_even
from bot.services.metrics.csv_import import import_metrics_csv
from bot.services.outbox import Envelope
from db.models import Program
from scheduler.plans.audit import AuditPlanner
from scheduler.plans.metrics_remeasure import RemeasurePlanner
from tests.audit_world import build_world as build_audit_world
from tests.audit_world import utc
from tests.blockkit import assert_valid_blocks
from tests.databases import Database
from tests.services.metrics.world import BASELINE_WEEKS, EARLIER, build_world, csv_of

READOUT_AT = utc(2, 12)
# The metrics world's re-measure week (day 100) is 2027-W24; its post is due Monday 21 June.
MONDAY = datetime(2027, 6, 21, 0, 30, tzinfo=UTC)
POSTED = datetime(2027, 6, 21, 9, tzinfo=UTC)


def texts(blocks: list[dict[str, object]]) -> str:
    """Every section and context text of a post."""
    found = []
    for block in blocks:
        text = block.get("text")
        if isinstance(text, dict):
            found.append(str(text["text"]))
        for element in block.get("elements", []) or []:  # type: ignore[attr-defined]
            if isinstance(element, dict) and isinstance(element.get("text"), str):
                found.append(element["text"])
    return "\n".join(found)


def test_the_readout_shows_the_attainment_needed_and_the_bear_case(database: Database) -> None:
    planner = AuditPlanner()
    with database.session_factory.begin() as session:
        world = build_audit_world(session)
        program = session.get_one(Program, world.program_id)
        set_break_even(session=session, program=program, event_cost=500_000, reps=100,
                       quota=1_000_000, period="annual")
        planner.advance(session=session, now=READOUT_AT)
        [post] = planner.plan(session=session, start=READOUT_AT,
                              end=READOUT_AT + timedelta(hours=1))
    assert post.blocks is not None
    assert_valid_blocks(post.blocks)
    text = texts(post.blocks)
    assert ("*Break-even:* 0.5% incremental annual attainment to break even (cost 500,000 over "
            "100 reps x 1,000,000 annual quota)") in text
    assert BEAR_CASE in text


def test_the_remeasure_compares_a_quarterly_quota_with_the_quarterly_lift(
    database: Database,
) -> None:
    with database.session_factory.begin() as session:
        post = remeasure_post(session, quota=250_000, period="quarterly")
    assert post.blocks is not None
    assert_valid_blocks(post.blocks)
    assert ("*Break-even:* 2% incremental quarterly attainment to break even (cost 500,000 over "
            "100 reps x 250,000 quarterly quota); quarterly attainment lift at day 100: "
            "+3.0 points, above the 2% needed") in texts(post.blocks)


def test_an_annual_quota_is_not_compared_with_the_quarterly_lift(database: Database) -> None:
    with database.session_factory.begin() as session:
        post = remeasure_post(session, quota=1_000_000, period="annual")
    assert post.blocks is not None
    assert ("no annual attainment lift is measured, so none is set beside it"
            in texts(post.blocks))


def remeasure_post(session: Session, *, quota: float, period: str) -> Envelope:
    """The metrics world's day-100 post, with break-even inputs and its reps' Q1 attainment
    (% of quota): 80 before the kickoff, 83 in the re-measure week."""
    world = build_world(session)
    set_break_even(session=session, program=world.program, event_cost=500_000, reps=100,
                   quota=quota, period=period)
    rows = [f"r{n}@example.com,q1_attainment,{week},80" for n in range(1, 12)
            for week in BASELINE_WEEKS]
    rows += [f"r{n}@example.com,q1_attainment,2027-W24,83" for n in range(1, 12)]
    import_metrics_csv(session=session, program=world.program, now=EARLIER,
                       content=csv_of(*rows))
    planner = RemeasurePlanner()
    planner.advance(session=session, now=MONDAY)
    [post] = planner.plan(session=session, start=MONDAY, end=POSTED + timedelta(hours=1))
    return post
