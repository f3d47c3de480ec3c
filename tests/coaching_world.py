"""A 30-day program with 3 managers in different time zones and 10 reps, for coaching tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.fakeslack import FakeSlack
from bot.services.coaching.occurrences import materialise_items
from db.models import CadenceType, CoachingItem, Person, Program, Role
from tests.factories import add_member, make_person, make_program, make_workspace

# Monday 11 January 2027, a two-day event; Monday 18 January (Martin Luther King Day) is off.
# Three standup days (Wed 13 to Fri 15) keep week 1 to the event's week: week 2 starts on the 18th.
KICKOFF = date(2027, 1, 11)
HOLIDAY = "2027-01-18"
MANAGERS = {
    "UMLA": ("Marcus Reed", "America/Los_Angeles"),
    "UMBER": ("Hannah Weber", "Europe/Berlin"),
    "UMDEL": ("Priya Nair", "Asia/Kolkata"),
}
REPS = {
    "UMLA": ("URANA", "URBEN", "URCAI", "URDAN"),
    "UMBER": ("URLEN", "URJON", "URKAI"),
    "UMDEL": ("URARJ", "UROLI", "URAVI"),
}
PROGRAM_ADMIN = "UPADMIN"
OUTSIDER = "UOUT"


@dataclass(frozen=True)
class World:
    """Ids of the program and of everyone in it, by Slack id."""

    program_id: int
    workspace_id: int
    people: dict[str, int]


def build_world(session: Session, fake: FakeSlack | None = None, **program: Any) -> World:
    """The program (defaults above, overridable), its members and, given `fake`, Slack users."""
    workspace = make_workspace(session)
    fields = {"kickoff_date": KICKOFF, "event_days": 2, "timezone": "America/New_York",
              "holidays": [HOLIDAY], "standup_days": 3} | program
    prog = make_program(session, workspace, **fields)
    people: dict[str, int] = {}
    for manager_id, (name, tz) in MANAGERS.items():
        manager = _person(session, workspace, manager_id, name, tz, fake)
        add_member(session, prog, manager, Role.MANAGER)
        people[manager_id] = manager.id
        for rep_id in REPS[manager_id]:
            rep = _person(session, workspace, rep_id, f"Rep {rep_id[2:].title()}", tz, fake)
            add_member(session, prog, rep, Role.REP, manager=manager)
            people[rep_id] = rep.id
    admin = _person(session, workspace, PROGRAM_ADMIN, "Sam Ortega", "America/New_York", fake)
    add_member(session, prog, admin, Role.ADMIN)
    people[PROGRAM_ADMIN] = admin.id
    people[OUTSIDER] = _person(session, workspace, OUTSIDER, "Otto Outside", "UTC", fake).id
    return World(program_id=prog.id, workspace_id=workspace.id, people=people)


def _person(
    session: Session, workspace: Any, slack_id: str, name: str, tz: str, fake: FakeSlack | None
) -> Person:
    if fake is not None:
        fake.add_user(slack_id, real_name=name, email=f"{slack_id.lower()}@example.com", tz=tz)
    return make_person(session, workspace, slack_id, tz=tz, name=name)


def materialise(session: Session, world: World, now: datetime) -> int:
    """Create the program's items as the planner does."""
    program = session.get(Program, world.program_id)
    assert program is not None
    return materialise_items(session=session, program=program, now=now)


def item_of(
    session: Session, world: World, rep: str, cadence: CadenceType, week: int
) -> CoachingItem:
    """The item of `rep` (with their manager) for one cadence type and week."""
    query = select(CoachingItem).where(
        CoachingItem.program_id == world.program_id,
        CoachingItem.rep_id == world.people[rep],
        CoachingItem.cadence == cadence, CoachingItem.week == week,
    )
    return session.scalars(query).one()
