"""A standup program for tests: five reps in five time zones, their managers and an admin.

The kickoff is on Thursday 11 March 2027 (one event day), so the standup days are Fri 12, Mon 15,
Tue 16, Wed 17 and Thu 18 March: the week the US switches to daylight time (Sunday 14 March).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.standups.fields import Field
from bot.fakeslack import FakeSlack
from bot.services.standups.answer import submit_answer
from bot.services.standups.turn import StandupTurn
from db.models import Delivery, Role
from tests.factories import add_member, make_person, make_program, make_workspace

KICKOFF = date(2027, 3, 11)
CHANNEL = "CSTANDUP"
# slack id -> (name, time zone, team, manager slack id)
REPS = {
    "ULA": ("Ana Ruiz", "America/Los_Angeles", "West", "UMGRW"),
    "UBER": ("Lena Vogel", "Europe/Berlin", "EMEA", "UMGRE"),
    "UKOL": ("Arjun Mehta", "Asia/Kolkata", "APAC", "UMGRA"),
    "USYD": ("Olivia Brown", "Australia/Sydney", "APAC", "UMGRA"),
    "UCHA": ("Aroha Ngata", "Pacific/Chatham", "APAC", "UMGRA"),
}
MANAGERS = {
    "UMGRW": ("Marcus Reed", "America/Los_Angeles"),
    "UMGRE": ("Hannah Weber", "Europe/Berlin"),
    "UMGRA": ("Priya Nair", "Asia/Kolkata"),
}
PROGRAM_ADMIN = "UPADMIN"


@dataclass(frozen=True)
class World:
    """Ids of what `build_world` made."""

    program_id: int
    person_ids: dict[str, int]  # slack id -> person id


def build_world(session: Session, **program_fields: Any) -> World:
    """The program with every rep, manager and a program admin."""
    workspace = make_workspace(session)
    program = make_program(
        session,
        workspace,
        kickoff_date=KICKOFF,
        event_days=1,
        standup_channel=CHANNEL,
        name="FY27 Kickoff",
        **program_fields,
    )
    ids: dict[str, int] = {}
    managers = {}
    for user_id, (name, tz) in MANAGERS.items():
        managers[user_id] = make_person(session, workspace, user_id, tz=tz, name=name)
        add_member(session, program, managers[user_id], Role.MANAGER)
        ids[user_id] = managers[user_id].id
    for user_id, (name, tz, team, manager) in REPS.items():
        rep = make_person(session, workspace, user_id, tz=tz, name=name)
        add_member(session, program, rep, Role.REP, manager=managers[manager], team=team)
        ids[user_id] = rep.id
    admin = make_person(session, workspace, PROGRAM_ADMIN, tz="UTC", name="Sam Admin")
    add_member(session, program, admin, Role.ADMIN)
    ids[PROGRAM_ADMIN] = admin.id
    return World(program_id=program.id, person_ids=ids)


def add_slack_people(fake: FakeSlack) -> None:
    """The same people and the standup channel in the fake Slack workspace."""
    for user_id, (name, tz, _, _) in REPS.items():
        fake.add_user(user_id, real_name=name, tz=tz)
    for user_id, (name, tz) in MANAGERS.items():
        fake.add_user(user_id, real_name=name, tz=tz)
    fake.add_user(PROGRAM_ADMIN, real_name="Sam Admin")
    fake.add_channel(CHANNEL, "kickoff-standups", members=[*REPS, *MANAGERS])


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A UTC instant."""
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def deliveries(session: Session, kind: str | None = None) -> list[Delivery]:
    """Outbox rows (of one kind), oldest first."""
    query = select(Delivery).order_by(Delivery.id)
    if kind is not None:
        query = query.where(Delivery.kind == kind)
    return list(session.scalars(query))


# (rep, day, UTC instant inside their day, follow-through answer from Day 2 on). By hand: yes =
# Arjun D2, Lena D3, Ana D3; partly = Arjun D3; no = Lena D2: 3 of 5 done, 60%.
FOLLOW_ANSWERS = (
    ("UKOL", 1, utc(2027, 3, 12, 4), None),
    ("UKOL", 2, utc(2027, 3, 15, 4), "yes"),
    ("UKOL", 3, utc(2027, 3, 16, 4), "partly"),
    ("UBER", 1, utc(2027, 3, 12, 8), None),
    ("UBER", 2, utc(2027, 3, 15, 8), "no"),
    ("UBER", 3, utc(2027, 3, 16, 8), "yes"),
    ("ULA", 2, utc(2027, 3, 15, 17), None),  # Ana's first answer: nothing earlier to ask about
    ("ULA", 3, utc(2027, 3, 16, 17), "yes"),
)


def answer_with_follow_through(session: Session, world: World) -> None:
    """Save FOLLOW_ANSWERS through the standup service, as the modal does."""
    for user, number, now, done in FOLLOW_ANSWERS:
        saved = submit_answer(
            session=session,
            turn=StandupTurn(program_id=world.program_id, rep_user_id=user, actor_user_id=user,
                             number=number, now=now),
            opened_revision=0, raw={Field.ACTIVITY: "Call", Field.WIN: "Win"}, follow=done,
        )
        assert saved.outcome is not None, saved
