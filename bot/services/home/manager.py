"""A manager's part of the home, per program: this week's coaching still to log (due and
overdue), the team's standup participation, and the blockers their reps raised, still open."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from bot.domain.coaching.cadence import CADENCE_ORDER
from bot.domain.coaching.status import TO_LOG
from bot.domain.home import ManagerView, OpenBlocker
from bot.domain.local_time import local_date
from bot.domain.program_calendar import monday_of
from bot.domain.standups.participation import Counts
from bot.services.coaching.status import load_status_context
from bot.services.commitments.form import commitment_shown
from bot.services.standups.participation import participation
from db.models import CoachingItem, Membership, MembershipRole, Person, Role, StandupAnswer

MAX_BLOCKERS = 5  # the oldest open ones; the DMs hold every one


def manager_view(*, session: Session, member: Membership, now: datetime) -> ManagerView:
    """The manager section of one program (a fixed number of queries)."""
    program, me = member.program, member.person
    today = local_date(now, me.timezone)
    sunday = monday_of(today) + timedelta(days=6)
    items = session.scalars(
        select(CoachingItem)
        .where(CoachingItem.program_id == program.id, CoachingItem.manager_id == me.id)
        .options(joinedload(CoachingItem.rep))
    )
    context = load_status_context(session=session, program=program)
    to_log = sorted(
        (i for i in items if i.effective_due <= sunday and context.status_of(i, now) in TO_LOG),
        key=lambda i: (i.effective_due, i.rep.name, CADENCE_ORDER.index(i.cadence)),
    )
    team = Counts()
    for row in participation(session=session, program=program, now=now).rows:
        if row.manager_id == me.id:
            team.add(row)
    blockers, more = _open_blockers(session, program.id, me.id)
    return ManagerView(
        member=member, reps=_rep_count(session, program.id, me.id), to_log=to_log,
        overdue=sum(item.effective_due < today for item in to_log), standups=team,
        blockers=blockers, more_blockers=more,
        commitment=commitment_shown(session=session, program_id=program.id,
                                    slack_user_id=me.slack_user_id),
    )


def _rep_count(session: Session, program_id: int, manager_id: int) -> int:
    query = (
        select(func.count(Membership.id))
        .join(MembershipRole, MembershipRole.membership_id == Membership.id)
        .where(Membership.program_id == program_id, Membership.manager_id == manager_id,
               Membership.active.is_(True), MembershipRole.role == Role.REP)
    )
    return int(session.scalar(query) or 0)


def _open_blockers(
    session: Session, program_id: int, manager_id: int
) -> tuple[list[OpenBlocker], int]:
    """The oldest open blockers sent to this manager, and how many more are open."""
    query = (
        select(StandupAnswer, Person.name)
        .join(Person, Person.id == StandupAnswer.person_id)
        .where(StandupAnswer.program_id == program_id, StandupAnswer.manager_id == manager_id,
               StandupAnswer.blocker.is_not(None), StandupAnswer.blocker_resolved_at.is_(None))
        .order_by(StandupAnswer.answered_at, StandupAnswer.id)
    )
    rows = session.execute(query).all()
    shown = [OpenBlocker(answer.id, name, answer.day_number, answer.blocker or "")
             for answer, name in rows[:MAX_BLOCKERS]]
    return shown, max(len(rows) - MAX_BLOCKERS, 0)
