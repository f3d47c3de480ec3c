"""Who a survey asks, and who may run surveys (enablement of the program, or an admin)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from bot.errors import NotAllowed
from bot.services.access import Caller, is_kickoff_admin
from db.models import (
    Membership,
    Person,
    Program,
    ProgramStatus,
    Role,
    Survey,
    SurveyAudience,
    Workspace,
)

AUDIENCE_ROLES: dict[SurveyAudience, Role | None] = {
    SurveyAudience.REPS: Role.REP,
    SurveyAudience.MANAGERS: Role.MANAGER,
    SurveyAudience.ALL: None,
}
AUDIENCE_NAMES = {
    SurveyAudience.REPS: "the program's reps",
    SurveyAudience.MANAGERS: "the program's managers",
    SurveyAudience.ALL: "every member of the program",
}
MANAGER_ROLES = frozenset({Role.ENABLEMENT, Role.ADMIN})
NOT_ALLOWED = "Only the program's enablement team or a kickoff admin can run its surveys."


def audience_members(
    *, session: Session, program_id: int, audience: SurveyAudience
) -> list[Membership]:
    """Active members of the program, active people, holding the audience's role."""
    query = (
        select(Membership)
        .join(Membership.person)
        .where(
            Membership.program_id == program_id,
            Membership.active.is_(True),
            Person.active.is_(True),
        )
        .options(joinedload(Membership.person))
        .order_by(Membership.person_id)
    )
    role = AUDIENCE_ROLES[audience]
    return [m for m in session.scalars(query) if role is None or role in m.roles]


def is_in_audience(*, session: Session, survey: Survey, person_id: int) -> bool:
    """Whether the person is in the survey's audience now."""
    members = audience_members(session=session, program_id=survey.program_id,
                               audience=survey.audience)
    return any(member.person_id == person_id for member in members)


def manageable_programs(
    *, session: Session, workspace_id: int, caller: Caller, kickoff_admins: Iterable[str]
) -> list[Program]:
    """Programs (not ended) whose surveys the caller may create, close and follow."""
    query = select(Program).where(
        Program.workspace_id == workspace_id, Program.status != ProgramStatus.ENDED
    ).order_by(Program.kickoff_date.desc(), Program.id.desc())
    programs = list(session.scalars(query))
    if is_kickoff_admin(caller, kickoff_admins):
        return programs
    managed = _managed_program_ids(session, caller.slack_user_id)
    return [program for program in programs if program.id in managed]


def ensure_may_manage(
    *, session: Session, program: Program, caller: Caller, kickoff_admins: Iterable[str]
) -> None:
    """Raise NotAllowed unless the caller is enablement or admin of the program, or a kickoff
    admin."""
    if is_kickoff_admin(caller, kickoff_admins):
        return
    if program.id not in _managed_program_ids(session, caller.slack_user_id):
        raise NotAllowed(NOT_ALLOWED)


def workspace_id_of(session: Session, team_id: str | None) -> int:
    """The id of the workspace row of a Slack team (NotAllowed when kickoff-bot has none)."""
    workspace_id = session.scalar(select(Workspace.id).where(Workspace.team_id == team_id))
    if workspace_id is None:
        raise NotAllowed("kickoff-bot has no program in this workspace yet.")
    return int(workspace_id)


def _managed_program_ids(session: Session, slack_user_id: str) -> set[int]:
    query = (
        select(Membership)
        .join(Membership.person)
        .where(Person.slack_user_id == slack_user_id, Membership.active.is_(True))
    )
    return {m.program_id for m in session.scalars(query) if m.roles & MANAGER_ROLES}
