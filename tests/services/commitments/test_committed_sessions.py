"""Sessions a manager adds in their commitment: listed in that manager's digest, reported in the
audit and the read-out as committed vs done, and never part of the program-cadence completion."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.blocks.audit import build_audit_message
from bot.blocks.audit_readout import build_readout_message
from bot.domain.audit.numbers import CommittedDone
from bot.domain.kinds import DeliveryKind
from bot.services.audit.compute import compute_week
from bot.services.audit.readout import compute_readout
from bot.services.commitments.save import save_commitment
from db.models import (
    CadenceType,
    CoachingItem,
    Delivery,
    LoggedStatus,
    Person,
    Program,
    Role,
    Workspace,
)
from scheduler.planning import plan_all
from scheduler.plans.coaching import CoachingDigestPlanner
from scheduler.plans.commitments import CommitmentPlanner
from tests.coaching_world import REPS, World, build_world, materialise
from tests.databases import Database
from tests.factories import add_member, make_person

CLOSE = datetime(2027, 1, 12, 21, 30, tzinfo=UTC)  # just after the event's close
WEEK_3 = date(2027, 1, 25)
AFTER_WEEK_3 = datetime(2027, 2, 1, 12, tzinfo=UTC)
ALL_WEEKS = {CadenceType.ONE_ON_ONE: ["2", "3", "4"], CadenceType.CALL_REVIEW: ["2", "3", "4"],
             CadenceType.TERRITORY_REVIEW: ["3"]}


def _hold_week_3(session: Session, world: World, *, committed: bool, reps: int) -> None:
    """Log the first `reps` of Marcus's reps' week-3 items (program or added) as held."""
    rep_ids = [world.people[rep] for rep in REPS["UMLA"][:reps]]
    for item in session.scalars(select(CoachingItem).where(
            CoachingItem.week == 3, CoachingItem.committed.is_(committed),
            CoachingItem.rep_id.in_(rep_ids))):
        item.status, item.held_on = LoggedStatus.DONE, date(2027, 1, 27)


def _program(session: Session, world: World) -> Program:
    program = session.get(Program, world.program_id)
    assert program is not None
    return program


def test_an_added_session_is_in_the_digest_and_the_audit_and_leaves_completion_alone(
    database: Database
) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        materialise(session, world, CLOSE)
        _hold_week_3(session, world, committed=False, reps=3)
        program = _program(session, world)
        before = compute_week(session=session, program=program, monday=WEEK_3, now=AFTER_WEEK_3)
        readout_before = compute_readout(session=session, program=program, now=AFTER_WEEK_3)

        saved = save_commitment(
            session=session, program_id=world.program_id, manager_slack_id="UMLA",
            actor_slack_id="UMLA", weeks=ALL_WEEKS, metric="dials", now=CLOSE)
        assert saved.commitment is not None
        # Marcus's week-3 digest lists the added call review of each of his four reps.
        plan_all(session, [CoachingDigestPlanner()], now=datetime(2027, 1, 25, 12, tzinfo=UTC))
        digest = session.scalars(select(Delivery).where(
            Delivery.kind == DeliveryKind.COACHING_DIGEST, Delivery.channel == "UMLA",
            Delivery.due_at >= datetime(2027, 1, 25, tzinfo=UTC))).first()
        assert digest is not None
        assert str(digest.blocks).count("call review added in your commitment") == 4
        hannah = session.scalars(select(Delivery).where(
            Delivery.kind == DeliveryKind.COACHING_DIGEST, Delivery.channel == "UMBER")).all()
        assert all("added in your commitment" not in str(row.blocks) for row in hannah)

        _hold_week_3(session, world, committed=True, reps=2)
        after = compute_week(session=session, program=program, monday=WEEK_3, now=AFTER_WEEK_3)
        readout = compute_readout(session=session, program=program, now=AFTER_WEEK_3)

    assert after.cadences == before.cadences  # the program-cadence completion, unchanged
    assert after.managers == before.managers
    assert readout.totals == readout_before.totals
    assert after.committed == [CommittedDone(manager="Marcus Reed", committed=4, done=2)]
    assert before.committed == []
    assert "Marcus Reed: 2 done of 4 committed" in str(build_audit_message(after))
    assert (readout.committed_sessions, readout.committed_done) == (4, 2)
    assert "2 done of 4 committed" in str(build_readout_message(readout))


def test_each_rep_of_the_manager_gets_the_added_sessions_a_rep_joining_later_too(
    database: Database,
) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        save_commitment(session=session, program_id=world.program_id, manager_slack_id="UMLA",
                        actor_slack_id="UMLA", weeks=ALL_WEEKS, metric="dials", now=CLOSE)
        program = _program(session, world)
        marcus = session.get(Person, world.people["UMLA"])
        workspace = session.get(Workspace, world.workspace_id)
        assert workspace is not None
        late = make_person(session, workspace, "URLATE", tz="America/Los_Angeles",
                           name="Rep Late")
        add_member(session, program, late, Role.REP, manager=marcus)
        CommitmentPlanner().plan(session=session, start=datetime(2027, 1, 20, tzinfo=UTC),
                                 end=datetime(2027, 1, 21, tzinfo=UTC))
        added = session.scalars(select(CoachingItem).where(CoachingItem.committed.is_(True)))
        found = {(item.rep_id, item.cadence, item.week) for item in added}
    reps = [world.people[rep] for rep in REPS["UMLA"]] + [late.id]
    assert found == {(rep, CadenceType.CALL_REVIEW, 3) for rep in reps}
