"""Participation: expected, answered (late), excused, missed and pending, by day, team, manager."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.kinds import DeliveryKind
from bot.domain.standups.fields import Field
from bot.domain.standups.participation import Counts, Status
from bot.services.outbox import Envelope, queue
from bot.services.standups.answer import submit_answer
from bot.services.standups.keys import prompt_key
from bot.services.standups.out_today import mark_out_today
from bot.services.standups.participation import participation
from bot.services.standups.totals import participation_totals
from bot.services.standups.turn import StandupTurn
from db.models import Delivery, DeliveryStatus, Membership, OutOfOffice, Program
from tests.databases import Database
from tests.standup_world import REPS, World, build_world, utc

AFTER_WEEK = utc(2027, 3, 20)


@pytest.fixture
def world(database: Database) -> World:
    """The standup program, stored."""
    with database.session_factory.begin() as session:
        return build_world(session)


def prompted(
    session: Session, world: World, user: str, number: int, status: DeliveryStatus
) -> None:
    """Record the rep's prompt for Day `number` with `status`, as the dispatcher would."""
    due = utc(2027, 3, 12)
    key = prompt_key(world.program_id, user, number)
    queue(
        session,
        [
            Envelope(
                key=key,
                kind=DeliveryKind.STANDUP_PROMPT,
                workspace_id=1,
                program_id=world.program_id,
                person_id=world.person_ids[user],
                channel=user,
                text="t",
                blocks=None,
                due_at=due,
                window_end=utc(2027, 3, 30),
            )
        ],
        now=due,
    )
    session.flush()
    session.scalars(select(Delivery).where(Delivery.key == key)).one().status = status


def answer(session: Session, world: World, user: str, number: int, now: datetime) -> None:
    """A valid answer at `now`."""
    done = submit_answer(
        session=session,
        turn=StandupTurn(
            program_id=world.program_id,
            rep_user_id=user,
            actor_user_id=user,
            number=number,
            now=now,
        ),
        opened_revision=0,
        raw={Field.ACTIVITY: "Call", Field.WIN: "Win", Field.BLOCKER: None},
    )
    assert not done.errors


def report(database: Database, world: World, now: datetime) -> dict[tuple[str, int], Status]:
    """Status per (rep name, day)."""
    with database.session_factory() as session:
        program = session.get_one(Program, world.program_id)
        rows = participation(session=session, program=program, now=now).rows
    return {(row.name, row.number): row.status for row in rows}


def test_a_week_of_every_status(database: Database, world: World) -> None:
    with database.session_factory.begin() as session:
        for user in REPS:
            prompted(session, world, user, 1, DeliveryStatus.SENT)
        answer(session, world, "UBER", 1, utc(2027, 3, 12, 8, 30))  # on time in Berlin
        answer(session, world, "UKOL", 1, utc(2027, 3, 12, 6, 0))  # 11:30 in Kolkata: late
        mark_out_today(
            session=session,
            turn=StandupTurn(
                program_id=world.program_id,
                rep_user_id="USYD",
                actor_user_id="USYD",
                number=1,
                now=utc(2027, 3, 11, 23),
            ),
        )
        session.add(
            OutOfOffice(
                person_id=world.person_ids["UCHA"],
                first_day=date(2027, 3, 12),
                last_day=date(2027, 3, 12),
            )
        )
        prompted(session, world, "ULA", 2, DeliveryStatus.EXPIRED)
    with database.session_factory() as session:
        program = session.get_one(Program, world.program_id)
        result = participation(session=session, program=program, now=AFTER_WEEK)
    day_1 = result.by(lambda row: row.number)[1]
    assert day_1 == Counts(expected=5, answered=2, late=1, excused=2, missed=1, pending=0)
    statuses = report(database, world, AFTER_WEEK)
    assert statuses["Ana Ruiz", 1] is Status.MISSED
    assert statuses["Ana Ruiz", 2] is Status.EXCUSED  # the prompt expired (bot down)
    assert statuses["Ana Ruiz", 3] is Status.EXCUSED  # never prompted
    reasons = {(r.name, r.number): r.reason for r in result.rows}
    assert reasons["Olivia Brown", 1] == "out today"
    assert reasons["Aroha Ngata", 1] == "out of office"
    assert result.by(lambda row: row.team)["APAC"].answered == 1
    by_manager = result.by(lambda row: row.manager_name)
    assert by_manager["Priya Nair"].expected == 15
    assert by_manager["Marcus Reed"].missed == 1


def test_a_day_still_open_is_pending_not_missed(database: Database, world: World) -> None:
    with database.session_factory.begin() as session:
        prompted(session, world, "ULA", 1, DeliveryStatus.SENT)
    statuses = report(database, world, utc(2027, 3, 13, 7, 59))  # 23:59 Friday in LA
    assert statuses["Ana Ruiz", 1] is Status.PENDING
    assert report(database, world, utc(2027, 3, 13, 8))["Ana Ruiz", 1] is Status.MISSED


def test_a_rep_deactivated_mid_week_is_not_expected_on_later_days(
    database: Database, world: World
) -> None:
    with database.session_factory.begin() as session:
        prompted(session, world, "ULA", 1, DeliveryStatus.SENT)
        prompted(session, world, "ULA", 2, DeliveryStatus.SENT)
        prompted(session, world, "ULA", 3, DeliveryStatus.CANCELLED)
        member = session.scalars(
            select(Membership).where(Membership.person_id == world.person_ids["ULA"])
        ).one()
        member.active = False
    statuses = report(database, world, AFTER_WEEK)
    assert {day for (name, day) in statuses if name == "Ana Ruiz"} == {1, 2}
    assert statuses["Ana Ruiz", 1] is Status.MISSED


@pytest.mark.parametrize(
    ("now", "number", "started_only"),
    [
        (AFTER_WEEK, None, True),
        (utc(2027, 3, 13, 7, 59), None, False),  # Friday still open in LA: pending
        (utc(2027, 3, 13, 7, 59), None, True),  # and later days not begun anywhere
        (utc(2027, 3, 12, 6, 0), 1, False),  # Day 1 begun in the east only
        (utc(2027, 3, 12, 6, 0), 1, True),
    ],
)
def test_totals_counted_in_sql_match_the_rep_days(
    database: Database, world: World, now: datetime, number: int | None, started_only: bool
) -> None:
    with database.session_factory.begin() as session:
        for user in REPS:
            prompted(session, world, user, 1, DeliveryStatus.SENT)
        answer(session, world, "UBER", 1, utc(2027, 3, 12, 8, 30))
        answer(session, world, "UKOL", 1, utc(2027, 3, 12, 6, 0))  # late, and not yet at 6:00
        mark_out_today(
            session=session,
            turn=StandupTurn(program_id=world.program_id, rep_user_id="USYD",
                             actor_user_id="USYD", number=1, now=utc(2027, 3, 11, 23)),
        )
        session.add(OutOfOffice(person_id=world.person_ids["UCHA"], first_day=date(2027, 3, 12),
                                last_day=date(2027, 3, 15)))
        prompted(session, world, "ULA", 2, DeliveryStatus.EXPIRED)
        prompted(session, world, "ULA", 3, DeliveryStatus.CANCELLED)
        session.scalars(  # deactivated after Day 1: expected only where prompted
            select(Membership).where(Membership.person_id == world.person_ids["UBER"])
        ).one().active = False
    with database.session_factory() as session:
        program = session.get_one(Program, world.program_id)
        rows = participation(session=session, program=program, now=now, number=number,
                             started_only=started_only)
        totals = participation_totals(session=session, program=program, now=now, number=number,
                                      started_only=started_only)
    assert totals == rows.totals()
    assert totals.expected > 0
