"""The SpotCheck around day 100: its prompt opens at T+100 at the start of each rep's own
working day, in a program in the reinforcing phase, with nothing sent that the lifecycle table
does not allow; "needs help" sends the rep back into the post-event certification; the read-out
matches a hand count."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.clock import SystemClock
from bot.domain.certification.cert_file import read_certification
from bot.domain.kinds import DeliveryKind
from bot.domain.lifecycle import Phase, phase
from bot.fakeslack import FakeSlack
from bot.features.registry import REGISTRY
from bot.services.certification.create import create_certification
from db.models import CertificationRetake, Delivery, DeliveryStatus, Program
from scheduler.dispatcher import Dispatcher
from scheduler.plans.certification_readout import SpotCheckReadoutPlanner
from tests.blockkit import assert_valid_blocks
from tests.databases import Database
from tests.handlers.certification_support import ALL_WEEK, PRE_EVENT, SPOTCHECK
from tests.handlers.surveys import add_slack_people
from tests.services.certification.taking import answer, rate
from tests.services.surveys.world import MANAGER, World, make_world

KICKOFF = datetime(2027, 1, 11, tzinfo=UTC)
POST_EVENT = PRE_EVENT.replace("pre-event", "post-event").replace("Pricing pre-cert",
                                                                  "Pricing cert")
ZONED = (("UTOKYO", "Asia/Tokyo"), ("ULA", "America/Los_Angeles"))
LINK = "https://example.com/clip/1"


def setup(database: Database, fake: FakeSlack) -> tuple[World, int, int]:
    """Six reps; four pass the post-event certification on day 5; the SpotCheck is defined."""
    with database.session_factory.begin() as session:
        world = make_world(session, reps=4, working_days=ALL_WEEK, zoned=ZONED)
        program = session.get(Program, world.program_id)
        assert program is not None
        made = [create_certification(session=session, program=program,
                                     spec=read_certification(text), actor=None,
                                     now=KICKOFF + timedelta(days=2)).id
                for text in (POST_EVENT, SPOTCHECK)]
        for rep in ("UREP01", "UREP02", "UREP03", "UREP04"):
            answer(session, made[0], rep, KICKOFF + timedelta(days=5, hours=10))
    add_slack_people(fake, world)
    fake.add_channel("CAUDIT", "kickoff-audit")
    return world, made[0], made[1]


def test_the_spotcheck_opens_in_each_reps_time_and_its_read_out_matches_a_hand_count(
    database: Database, fake_slack: FakeSlack, dispatcher: Dispatcher, clock: SystemClock
) -> None:
    world, post_event, spotcheck = setup(database, fake_slack)
    day_100 = KICKOFF + timedelta(days=100)
    with database.session_factory() as session:
        program = session.get(Program, world.program_id)
        assert program is not None
        assert phase(program, day_100) is Phase.REINFORCING
    for instant in (day_100 - timedelta(hours=1), day_100 + timedelta(hours=8),
                    day_100 + timedelta(hours=15)):
        clock.move_to(instant)
        dispatcher.tick(now=instant)
    with database.session_factory() as session:
        sent = session.scalars(select(Delivery).where(
            Delivery.status == DeliveryStatus.SENT)).all()
    allowed = REGISTRY.send_table()[Phase.REINFORCING]
    assert {d.kind for d in sent} <= allowed
    prompts = {d.channel: d.due_at for d in sent if d.kind == DeliveryKind.SPOTCHECK_PROMPT}
    assert prompts == {
        "UREP01": day_100 + timedelta(hours=8), "UREP02": day_100 + timedelta(hours=8),
        "UREP03": day_100 + timedelta(hours=8), "UREP04": day_100 + timedelta(hours=8),
        # 08:00 in Tokyo, and in Los Angeles on summer time since March (UTC-7).
        "UTOKYO": day_100 - timedelta(hours=1), "ULA": day_100 + timedelta(hours=15)}

    rated = day_100 + timedelta(days=1, hours=10)
    with database.session_factory.begin() as session:
        for rep, executing in (("UREP01", True), ("UTOKYO", True), ("ULA", False)):
            rate(session, answer(session, spotcheck, rep, rated, recording=LINK), MANAGER,
                 rated, executing=executing)
    with database.session_factory() as session:
        [retake] = session.scalars(select(CertificationRetake)).all()
        told = session.scalars(select(Delivery.channel).where(
            Delivery.kind == DeliveryKind.CERT_RETAKE)).all()
        posted = KICKOFF + timedelta(days=111, hours=9)  # the morning after the due day, T+110
        [readout] = SpotCheckReadoutPlanner().plan(session=session, start=posted,
                                                    end=posted + timedelta(hours=1))
    assert (retake.certification_id, retake.round) == (post_event, 1)
    assert told == [MANAGER]
    assert readout.channel == "CAUDIT"
    assert readout.blocks is not None
    assert_valid_blocks(readout.blocks)
    text = str(readout.blocks[0]["text"]["text"])
    # By hand: 2 of 6 rated still executing (1 needs help, 3 not rated); 4 of 6 certified.
    assert "Still executing: *33%* (2 of 6; 1 need help and went back into the cycle, " \
           "3 not rated)" in text
    assert "Certified at day 30: *67%* (4 of 6)" in text
