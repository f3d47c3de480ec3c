"""A leader's part of the home, per program: the latest weekly audit as it was posted."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.domain.home import LeaderView
from bot.services.audit.snapshot import week_numbers_of, weekly_snapshots
from db.models import Membership


def leader_view(*, session: Session, member: Membership) -> LeaderView:
    """The latest stored audit of the program (one query; a snapshot never changes)."""
    snapshots = weekly_snapshots(session=session, program_id=member.program_id)
    return LeaderView(member=member,
                      latest=week_numbers_of(snapshots[-1]) if snapshots else None)
