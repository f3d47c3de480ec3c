"""Surveys' policy: who may create, close and follow a program's surveys (its enablement team
and admins, and kickoff admins)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.errors import NotAllowed
from bot.services.actor import Actor
from db.models import Membership, Person, Program, ProgramStatus, Role

MANAGER_ROLES = frozenset({Role.ENABLEMENT, Role.ADMIN})
NOT_ALLOWED = "Only the program's enablement team or a kickoff admin can run its surveys."


def manageable_programs(*, session: Session, workspace_id: int, actor: Actor) -> list[Program]:
    """Programs (not ended) whose surveys the actor may create, close and follow."""
    query = select(Program).where(
        Program.workspace_id == workspace_id, Program.status != ProgramStatus.ENDED
    ).order_by(Program.kickoff_date.desc(), Program.id.desc())
    programs = list(session.scalars(query))
    if actor.is_kickoff_admin:
        return programs
    managed = _managed_program_ids(session, actor.slack_user_id)
    return [program for program in programs if program.id in managed]


def ensure_may_manage(*, session: Session, program: Program, actor: Actor) -> None:
    """Raise NotAllowed unless the actor is enablement or admin of the program, or a kickoff
    admin."""
    if actor.is_kickoff_admin:
        return
    if program.id not in _managed_program_ids(session, actor.slack_user_id):
        raise NotAllowed(NOT_ALLOWED)


def _managed_program_ids(session: Session, slack_user_id: str) -> set[int]:
    query = (
        select(Membership)
        .join(Membership.person)
        .where(Person.slack_user_id == slack_user_id, Membership.active.is_(True))
    )
    return {m.program_id for m in session.scalars(query) if m.roles & MANAGER_ROLES}
