"""Small builders of rows for tests: a workspace, people, a program, memberships."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from sqlalchemy.orm import Session

from db.models import Membership, MembershipRole, Person, Program, ProgramStatus, Role, Workspace

TEAM_ID = "T0KICKOFF"


def make_workspace(session: Session) -> Workspace:
    """The workspace the fake Slack server reports."""
    workspace = Workspace(team_id=TEAM_ID, name="Kickoff Demo")
    session.add(workspace)
    session.flush()
    return workspace


def make_person(
    session: Session, workspace: Workspace, slack_user_id: str, *, tz: str = "UTC", **fields: Any
) -> Person:
    """A person with a Slack id, a name derived from it and a time zone."""
    person = Person(
        workspace_id=workspace.id,
        slack_user_id=slack_user_id,
        name=fields.pop("name", f"Person {slack_user_id}"),
        timezone=tz,
        **fields,
    )
    session.add(person)
    session.flush()
    return person


def make_program(session: Session, workspace: Workspace, **fields: Any) -> Program:
    """An active program with a Monday kickoff unless told otherwise."""
    values: dict[str, Any] = {
        "name": "Q1 Kickoff",
        "kickoff_date": date(2027, 1, 11),
        "timezone": "UTC",
        "standup_channel": "CSTANDUP",
        "audit_channel": "CAUDIT",
        "status": ProgramStatus.ACTIVE,
        "standup_time": time(9, 0),
        "reminder_time": time(11, 0),
        "working_days": [1, 2, 3, 4, 5],
        "holidays": [],
    } | fields
    program = Program(workspace_id=workspace.id, **values)
    session.add(program)
    session.flush()
    return program


def add_member(
    session: Session,
    program: Program,
    person: Person,
    *roles: Role,
    manager: Person | None = None,
    team: str | None = None,
) -> Membership:
    """Make `person` a member of `program` with `roles`."""
    membership = Membership(
        program_id=program.id,
        person_id=person.id,
        manager_id=manager.id if manager else None,
        team=team,
        role_grants=[MembershipRole(role=role) for role in roles],
    )
    session.add(membership)
    session.flush()
    return membership
