"""Who is looking at the App Home: their person, active memberships and roles, admin or not."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.services.actor import memberships_of
from db.models import Membership, Person, ProgramStatus, Role, Workspace

# Programs whose people see their part of the home (an ended program is only the admins').
LIVE = frozenset({ProgramStatus.DRAFT, ProgramStatus.ACTIVE, ProgramStatus.PAUSED})


@dataclass(frozen=True)
class Viewer:
    """The viewer as the home sees them."""

    slack_user_id: str
    workspace_id: int | None
    person: Person | None
    memberships: list[Membership]
    is_kickoff_admin: bool

    def holding(self, role: Role) -> list[Membership]:
        """Memberships in live programs in which the viewer holds `role`."""
        return [m for m in self.memberships if role in m.roles and m.program.status in LIVE]

    @property
    def roles(self) -> frozenset[Role]:
        """Every role held in a live program, plus admin for kickoff admins."""
        held = {role for m in self.memberships if m.program.status in LIVE for role in m.roles}
        return frozenset(held | ({Role.ADMIN} if self.is_kickoff_admin else set()))


def load_viewer(*, session: Session, slack_user_id: str, is_kickoff_admin: bool) -> Viewer:
    """The viewer's person and active memberships (a few queries). A deployment serves one
    workspace: someone kickoff-bot does not know yet sees it through its first one."""
    person = session.scalars(select(Person).where(Person.slack_user_id == slack_user_id)
                             .order_by(Person.id)).first()
    workspace_id = person.workspace_id if person is not None else session.scalar(
        select(Workspace.id).order_by(Workspace.id).limit(1))
    memberships = memberships_of(session=session, slack_user_id=slack_user_id) \
        if person is not None and person.active else []
    return Viewer(slack_user_id=slack_user_id, workspace_id=workspace_id, person=person,
                  memberships=memberships, is_kickoff_admin=is_kickoff_admin)
