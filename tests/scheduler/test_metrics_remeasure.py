"""The re-measure at day 100: stored once its week has ended, posted the Monday after at 09:00
in the audit channel: baseline vs week 4 vs now (the 12-rep world of the metrics tests)."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.blocks.metrics_audit import BEAR_CASE
from bot.domain.kinds import DeliveryKind
from bot.services.metrics.csv_import import import_metrics_csv
from scheduler.plans.metrics_remeasure import RemeasurePlanner
from tests.blockkit import assert_valid_blocks
from tests.databases import Database
from tests.services.metrics.world import build_world, csv_of, load

# Kickoff Monday 8 March 2027: day 100 is Wednesday 16 June, its week 14-20 June (2027-W24).
SUNDAY = datetime(2027, 6, 20, 23, tzinfo=UTC)
MONDAY = datetime(2027, 6, 21, 0, 30, tzinfo=UTC)
POSTED = datetime(2027, 6, 21, 9, tzinfo=UTC)


def test_day_100_is_posted_against_the_baseline_and_week_4(database: Database) -> None:
    planner = RemeasurePlanner()
    with database.session_factory.begin() as session:
        world = build_world(session)
        load(session, world)
        # Eleven reps report 33 a day in the re-measure week: +10% on 30, the lift has faded.
        import_metrics_csv(session=session, program=world.program, now=SUNDAY, content=csv_of(
            *(f"r{n}@example.com,dials,2027-W24,33" for n in range(1, 12))))
        planner.advance(session=session, now=SUNDAY)
        assert list(planner.plan(session=session, start=SUNDAY, end=POSTED.replace(day=22))) \
            == []
        planner.advance(session=session, now=MONDAY)
        planner.advance(session=session, now=MONDAY)  # stored once
        [post] = planner.plan(session=session, start=MONDAY, end=POSTED.replace(hour=10))
    assert (post.kind, post.channel, post.due_at) == (DeliveryKind.METRICS_REMEASURE, "CAUDIT",
                                                      POSTED)
    assert post.blocks is not None
    assert_valid_blocks(post.blocks)
    text = "\n".join(block["text"]["text"] for block in post.blocks if block["type"] == "section")
    # Week 4 as the read-out saw it (+21.8%, held); now 33 against 30 (+10%, not held).
    assert ("• baseline 30.0 · week 4 36.5 (+21.8%, held) · now 33.0 (+10.0%, not held; "
            "11 of 12 reps with both)") in text
    assert "*Re-measure*: baseline vs week 4 vs the re-measure week (day 100)" in text
    assert BEAR_CASE in post.blocks[-1]["elements"][0]["text"]
