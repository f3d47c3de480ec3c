"""Launching, pausing, resuming and ending a program (explicit `now`): one welcome per active
member, in their working window (held until someone out of office is back); a repeated move
changes nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.kinds import DeliveryKind
from bot.domain.local_time import at_local
from bot.errors import InvalidInput
from bot.services.launch import PAUSED, move_program
from bot.services.out_of_office import set_out_of_office
from db.models import Delivery, DeliveryStatus, Program, ProgramStatus, Role
from tests.databases import Database
from tests.factories import add_member, make_person, make_program, make_workspace

NOW = datetime(2027, 1, 4, 15, 0, tzinfo=UTC)  # Monday; the kickoff is the next Monday


@pytest.fixture
def program_id(database: Database) -> int:
    """A draft program: a manager, two reps (one away until Wednesday), someone inactive, and
    someone whose Slack account was deactivated."""
    with database.session_factory.begin() as session:
        workspace = make_workspace(session)
        program = make_program(session, workspace, status=ProgramStatus.DRAFT,
                               kickoff_date=date(2027, 1, 11), standup_time=time(9, 0))
        manager = make_person(session, workspace, "UMGR", name="Marcus Reed")
        add_member(session, program, manager, Role.MANAGER)
        ana, ben = (make_person(session, workspace, slack_id, tz="Europe/Berlin")
                    for slack_id in ("UANA", "UBEN"))
        for rep in (ana, ben):
            add_member(session, program, rep, Role.REP, manager=manager)
        add_member(session, program, make_person(session, workspace, "ULEFT"), Role.REP,
                   manager=manager).active = False
        add_member(session, program, make_person(session, workspace, "UGONE", active=False),
                   Role.LEADER)
        set_out_of_office(session=session, person=ben, first_day=date(2027, 1, 3),
                          last_day=date(2027, 1, 5), now=NOW)
        return program.id


def welcomes(session: Session) -> dict[str, Delivery]:
    """Welcome deliveries by recipient."""
    rows = session.scalars(select(Delivery).where(Delivery.kind == DeliveryKind.WELCOME))
    return {row.channel: row for row in rows}


def move(session: Session, program_id: int, action: str, now: datetime = NOW) -> bool:
    """Move the program; whether its status changed."""
    program = session.get_one(Program, program_id)
    return move_program(session=session, program=program, action=action, now=now).changed


def test_launch_welcomes_each_active_member_once_and_waits_for_the_one_away(
    database: Database, program_id: int
) -> None:
    with database.session_factory.begin() as session:
        assert move(session, program_id, "launch")
        assert not move(session, program_id, "launch")
        sent = welcomes(session)
    assert sorted(sent) == ["UANA", "UBEN", "UMGR"]
    assert sent["UANA"].due_at == sent["UMGR"].due_at == NOW  # 16:00 in Berlin, 15:00 in UTC
    assert sent["UBEN"].due_at == at_local(date(2027, 1, 6), time(8, 0), "Europe/Berlin")
    assert "Week 1: a daily standup* from Tue 12 Jan" in str(sent["UANA"].blocks)
    assert "Weeks 2-4: you own the coaching." in str(sent["UMGR"].blocks)


def test_pause_cancels_what_is_planned_and_resume_plans_it_again(
    database: Database, program_id: int
) -> None:
    later = NOW.replace(hour=18)  # 19:00 in Berlin, after the working window
    with database.session_factory.begin() as session:
        move(session, program_id, "launch")
        assert move(session, program_id, "pause")
        assert not move(session, program_id, "pause")
        assert {(d.status, d.error) for d in welcomes(session).values()} == {
            (DeliveryStatus.CANCELLED, PAUSED)}
        assert move(session, program_id, "resume", later)
        sent = welcomes(session)
    assert {d.status for d in sent.values()} == {DeliveryStatus.PLANNED}
    # Due again in a fresh working window: Ana's next morning, Ben's first morning back.
    assert sent["UANA"].due_at == at_local(date(2027, 1, 5), time(8, 0), "Europe/Berlin")
    assert sent["UMGR"].due_at == datetime(2027, 1, 5, 8, 0, tzinfo=UTC)  # UTC: 18:00 is past it
    assert sent["UBEN"].due_at == at_local(date(2027, 1, 6), time(8, 0), "Europe/Berlin")


def test_end_stops_everything_for_good_keeping_the_rows(
    database: Database, program_id: int
) -> None:
    with database.session_factory.begin() as session:
        move(session, program_id, "launch")
        assert move(session, program_id, "end")
        assert not move(session, program_id, "end")
        assert {d.status for d in welcomes(session).values()} == {DeliveryStatus.CANCELLED}
        assert session.get_one(Program, program_id).status is ProgramStatus.ENDED


def test_archive_puts_away_a_draft_or_an_ended_program_never_a_running_one(
    database: Database, program_id: int
) -> None:
    with database.session_factory.begin() as session:
        move(session, program_id, "launch")
        with pytest.raises(InvalidInput, match="cannot archive"):
            move(session, program_id, "archive")
        move(session, program_id, "end")
        assert move(session, program_id, "archive")
        assert session.get_one(Program, program_id).status is ProgramStatus.ARCHIVED
        with pytest.raises(InvalidInput, match="cannot launch"):
            move(session, program_id, "launch")
