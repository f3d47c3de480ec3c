"""Reps' reported weeks in their manager's coaching digest (issue 15): one line per rep whose
numbers are neither confirmed nor corrected, with the review DM's Confirm / Correct buttons;
planned, sent by the dispatcher, and confirmed from the digest through a signed click."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select

from bot.blocks.metrics_refs import ReportRef
from bot.domain.kinds import DeliveryKind
from bot.domain.metrics.report import ReportKind
from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import ActionId
from db.models import Delivery, MetricValue
from scheduler.dispatcher import Dispatcher
from tests.coaching_world import World, build_world
from tests.databases import Database

# Week 1 (the event's week, 11-15 January) is stored as ISO week 2027-W02.
WEEK_1 = "2027-W02"
REPORTED_AT = datetime(2027, 1, 15, 22, tzinfo=UTC)
DIALS = "Dials per rep per working day"


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack) -> World:
    """Marcus's reps: Ana reported week 1 (waiting), Ben's are confirmed, Cai's corrected;
    Hannah's rep Len reported too (another manager's digest)."""
    with database.session_factory.begin() as session:
        built = build_world(session, fake_slack)
        people = built.people

        def value(rep: str, metric: str, number: float, source: str = "self-report",
                  confirmed_by: int | None = None) -> MetricValue:
            return MetricValue(program_id=built.program_id, person_id=people[rep], metric=metric,
                               period=WEEK_1, value=number, source=source,
                               confirmed_by_id=confirmed_by, recorded_at=REPORTED_AT)

        session.add_all([
            value("URANA", "dials", 41), value("URANA", "discovery_calls", 5),
            value("URBEN", "dials", 30, confirmed_by=people["UMLA"]),
            value("URCAI", "dials", 99), value("URCAI", "dials", 33, source="correction"),
            value("URLEN", "dials", 12),
        ])
        return built


def digest_posts(fake: FakeSlack, channel: str) -> list[dict[str, Any]]:
    """The digests posted to `channel` so far, oldest first."""
    return [call.params for call in fake.calls_to("chat.postMessage")
            if call.params.get("channel") == channel
            and str(call.params.get("text", "")).startswith("Coaching for")]


def blocks_of(post: dict[str, Any]) -> list[dict[str, Any]]:
    blocks = post["blocks"]
    return list(json.loads(blocks) if isinstance(blocks, str) else blocks)


def review_lines(blocks: list[dict[str, Any]]) -> list[str]:
    """The reported weeks' lines (each followed by its Confirm / Correct)."""
    return [blocks[i - 1]["text"]["text"] for i, block in enumerate(blocks)
            if str(block.get("block_id", "")).startswith("digest_review.")]


def test_the_digest_lists_each_waiting_report_with_confirm_and_correct(
    world: World, fake_slack: FakeSlack, dispatcher: Dispatcher
) -> None:
    dispatcher.tick(now=datetime(2027, 1, 19, 17, 1, tzinfo=UTC))  # 09:01 in Los Angeles
    [marcus] = digest_posts(fake_slack, "UMLA")
    assert marcus["text"] == ("Coaching for Tue 19 Jan: 8 due this week, "
                              "1 reported week(s) to confirm")
    blocks = blocks_of(marcus)
    # Ben's are confirmed and Cai's corrected: only Ana's is listed (Len is Hannah's rep).
    assert review_lines(blocks) == [
        f"*Rep Ana*, week 1: {DIALS} 41.0 dials a day; "
        "Discovery calls booked 5.0 calls a week"]
    [buttons] = [b for b in blocks if str(b.get("block_id", "")).startswith("digest_review.")]
    ana = ReportRef(world.program_id, world.people["URANA"], 1, ReportKind.WEEK).to_value()
    assert [(b["action_id"], b["value"]) for b in buttons["elements"]] == [
        (ActionId.METRICS_CONFIRM, ana), (ActionId.METRICS_CORRECT, ana)]
    [hannah] = digest_posts(fake_slack, "UMBER")
    assert review_lines(blocks_of(hannah)) == [f"*Rep Len*, week 1: {DIALS} 12.0 dials a day"]


def test_confirming_from_the_digest_is_checked_and_drops_the_line_from_the_next(
    world: World, fake_slack: FakeSlack, dispatcher: Dispatcher, slack: SignedSender,
    database: Database,
) -> None:
    dispatcher.tick(now=datetime(2027, 1, 19, 17, 1, tzinfo=UTC))
    [marcus] = digest_posts(fake_slack, "UMLA")
    blocks = blocks_of(marcus)
    [buttons] = [b for b in blocks if b.get("block_id", "").startswith("digest_review.")]
    confirm = buttons["elements"][0]
    # Hannah clicking Marcus's button is refused and changes nothing.
    slack.action(user_id="UMBER", action_id=confirm["action_id"], value=confirm["value"],
                 block_id=buttons["block_id"], channel_id="DUMBER",
                 message={"blocks": blocks, "text": marcus["text"]})
    fake_slack.wait_for(lambda: bool(fake_slack.responses))
    assert "Only the rep's manager" in json.dumps(fake_slack.responses[-1])
    slack.action(user_id="UMLA", action_id=confirm["action_id"], value=confirm["value"],
                 block_id=buttons["block_id"], channel_id="DUMLA",
                 message={"blocks": blocks, "text": marcus["text"]})
    fake_slack.wait_for(lambda: len(fake_slack.responses) == 2)
    answer = fake_slack.responses[-1]
    # Only the clicked buttons are replaced: the coaching items keep their Log buttons.
    assert len(answer["blocks"]) == len(blocks)
    assert answer["blocks"][0] == blocks[0]
    assert "Confirmed: 2 number(s) of Rep Ana for week 1." in json.dumps(answer["blocks"])
    with database.session_factory() as session:
        confirmed = set(session.scalars(select(MetricValue.confirmed_by_id).where(
            MetricValue.person_id == world.people["URANA"])))
        assert confirmed == {world.people["UMLA"]}
    dispatcher.tick(now=datetime(2027, 1, 20, 17, 1, tzinfo=UTC))
    later = digest_posts(fake_slack, "UMLA")[-1]
    assert later["text"] == "Coaching for Wed 20 Jan: 8 due next"
    assert review_lines(blocks_of(later)) == []


def test_a_day_with_only_reports_waiting_still_brings_no_digest_outside_digest_days(
    world: World, database: Database, dispatcher: Dispatcher,
) -> None:
    # Thursday 21 January is no digest day for anyone (tests/scheduler/test_coaching_digests.py).
    dispatcher.tick(now=datetime(2027, 1, 21, 17, 1, tzinfo=UTC))
    with database.session_factory() as session:
        days = {row.key.rsplit(":", 1)[-1] for row in session.scalars(select(Delivery).where(
            Delivery.kind == DeliveryKind.COACHING_DIGEST))}
    assert "2027-01-21" not in days
