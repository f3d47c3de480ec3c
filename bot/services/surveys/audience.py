"""Who a survey asks (who may run surveys is in surveys/policy.py)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from bot.errors import NotAllowed
from db.models import Membership, Person, Role, Survey, SurveyAudience, Workspace

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


def workspace_id_of(session: Session, team_id: str | None) -> int:
    """The id of the workspace row of a Slack team (NotAllowed when kickoff-bot has none)."""
    workspace_id = session.scalar(select(Workspace.id).where(Workspace.team_id == team_id))
    if workspace_id is None:
        raise NotAllowed("kickoff-bot has no program in this workspace yet.")
    return int(workspace_id)
