"""A 12-rep program for the metrics tests: kickoff Monday 8 March 2027, three managers' teams
of 6, 4 and 2 reps (the last below the smallest group of 5), and an admin."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from db.models import Person, Program, Role
from tests.factories import add_member, make_person, make_program, make_workspace

KICKOFF = date(2027, 3, 8)
NOW = datetime(2027, 4, 12, 9, tzinfo=UTC)  # the Monday after week 4
TEAMS = {"Mia": 6, "Noah": 4, "Olga": 2}


@dataclass
class World:
    """The program, its managers by first name and its reps in order (r1 is reps[0])."""

    program: Program
    managers: dict[str, Person]
    reps: list[Person]
    admin: Person


def build_world(session: Session) -> World:
    """The program and its 12 reps; reps' emails are r1@example.com ... r12@example.com."""
    workspace = make_workspace(session)
    program = make_program(session, workspace, kickoff_date=KICKOFF, name="Spring Kickoff")
    admin = make_person(session, workspace, "UADMIN", name="Ada Admin")
    add_member(session, program, admin, Role.ADMIN, Role.ENABLEMENT)
    managers: dict[str, Person] = {}
    reps: list[Person] = []
    for name, size in TEAMS.items():
        manager = make_person(session, workspace, f"UM{name.upper()}", name=f"{name} Manager",
                              email=f"{name.lower()}@example.com")
        add_member(session, program, manager, Role.MANAGER)
        managers[name] = manager
        for _ in range(size):
            n = len(reps) + 1
            rep = make_person(session, workspace, f"UREP{n:02d}", name=f"Rep {n}",
                              email=f"r{n}@example.com")
            add_member(session, program, rep, Role.REP, manager=manager)
            reps.append(rep)
    return World(program, managers, reps, admin)


def csv_of(*rows: str, header: str = "email,metric,period,value") -> bytes:
    """A CSV file's bytes from its lines."""
    return ("\n".join((header, *rows)) + "\n").encode()
