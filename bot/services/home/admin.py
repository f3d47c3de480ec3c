"""The admin's part of the home: the programs they run with their members by role, and the
deliveries that failed lately."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.domain.deliveries import DeliveryPage
from bot.domain.home import AdminView, ProgramRow, Viewer
from bot.services.deliveries import list_deliveries
from db.models import DeliveryStatus, Membership, MembershipRole, Program, ProgramStatus, Role

FAILURES_SINCE = timedelta(days=7)
MAX_FAILURES = 3


def admin_view(*, session: Session, viewer: Viewer, now: datetime) -> AdminView:
    """Programs of the workspace for a kickoff admin, else those the viewer is admin of."""
    query = select(Program).where(Program.workspace_id == viewer.workspace_id,
                                  Program.status != ProgramStatus.ARCHIVED) \
        .order_by(Program.kickoff_date.desc(), Program.id.desc())  # archived: put away
    if not viewer.is_kickoff_admin:
        query = query.where(Program.id.in_([m.program_id for m in viewer.holding(Role.ADMIN)]))
    programs = list(session.scalars(query))
    counts = _members_by_role(session, [p.id for p in programs])
    # The outbox is the deployment's: only kickoff admins see its failures.
    failures = list_deliveries(session=session, statuses={DeliveryStatus.FAILED},
                               since=now - FAILURES_SINCE, limit=MAX_FAILURES) \
        if viewer.is_kickoff_admin else DeliveryPage(rows=[], more=False)
    return AdminView(programs=[ProgramRow(p, counts[p.id]) for p in programs], failures=failures)


def _members_by_role(session: Session, program_ids: list[int]) -> dict[int, dict[Role, int]]:
    """Active members per program and role, in one query."""
    query = (
        select(Membership.program_id, MembershipRole.role, func.count())
        .join(MembershipRole, MembershipRole.membership_id == Membership.id)
        .where(Membership.program_id.in_(program_ids), Membership.active.is_(True))
        .group_by(Membership.program_id, MembershipRole.role)
    )
    counts: dict[int, dict[Role, int]] = defaultdict(dict)
    for program_id, role, count in session.execute(query):
        counts[program_id][role] = int(count)
    return counts
