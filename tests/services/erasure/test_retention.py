"""Retention: N days after a program ended, its members' personal data is purged; someone still
in another program keeps that program's rows; a program without retention keeps everything."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from bot.features.registry import REGISTRY
from bot.services.erasure.retention import purge_due_programs
from db.models import Membership, Person, Program, ProgramStatus, Role, StandupAnswer
from tests.databases import Database
from tests.factories import add_member, make_person, make_program, make_workspace

ENDED_AT = datetime(2027, 2, 20, 12, tzinfo=UTC)


def answer(program: Program, person: Person, text: str) -> StandupAnswer:
    """Day 1's answer of `person` in `program`."""
    return StandupAnswer(program_id=program.id, person_id=person.id, day_number=1,
                         local_date=program.kickoff_date, activity=text,
                         answered_at=ENDED_AT - timedelta(days=30))


def build(database: Database) -> dict[str, int]:
    """Program A (ended, 30 days' retention) with Ana only in it and Ben also in B (active);
    program C ended without retention, with Cai."""
    with database.session_factory.begin() as session:
        workspace = make_workspace(session)
        a = make_program(session, workspace, name="A", status=ProgramStatus.ENDED,
                         retention_days=30, ended_at=ENDED_AT)
        b = make_program(session, workspace, name="B", kickoff_date=date(2027, 3, 1))
        c = make_program(session, workspace, name="C", status=ProgramStatus.ENDED,
                         ended_at=ENDED_AT)
        ana, ben, cai = (make_person(session, workspace, user_id, name=name) for user_id, name
                         in (("UANA", "Ana Lima"), ("UBEN", "Ben Ode"), ("UCAI", "Cai Wu")))
        for program, person in ((a, ana), (a, ben), (b, ben), (c, cai)):
            add_member(session, program, person, Role.REP)
            session.add(answer(program, person, f"{person.name} in {program.name}"))
        return {"A": a.id, "B": b.id, "C": c.id, "ben": ben.id}


def purge(database: Database, now: datetime) -> list[str]:
    """Run the retention job at `now`; the names of the programs it purged."""
    with database.session_factory.begin() as session:
        purged = purge_due_programs(session=session, columns=REGISTRY.personal_data(), now=now)
        return [program.name for program in purged]


def test_purged_only_once_the_retention_has_run_out(database: Database) -> None:
    ids = build(database)

    assert purge(database, ENDED_AT + timedelta(days=29)) == []
    assert purge(database, ENDED_AT + timedelta(days=30)) == ["A"]
    assert purge(database, ENDED_AT + timedelta(days=90)) == []  # done once; C keeps its data

    with database.session_factory() as session:
        assert sorted(session.scalars(select(Person.name))) == ["Ben Ode", "Cai Wu"]
        answers = session.scalars(select(StandupAnswer.activity).order_by(StandupAnswer.id))
        assert list(answers) == ["Ben Ode in B", "Cai Wu in C"]
        assert set(session.scalars(select(Membership.program_id))) == {ids["B"], ids["C"]}
        assert session.get_one(Program, ids["A"]).purged_at == ENDED_AT + timedelta(days=30)
        assert session.get_one(Program, ids["C"]).purged_at is None
