"""`/kickoff log @rep`: the coaching sessions of one rep that the caller may log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from bot.domain.coaching.cadence import CADENCE_ORDER
from bot.domain.coaching.views import RepSessions
from bot.errors import NotAllowed, NotFound
from bot.services.actor import Actor
from bot.services.coaching.occurrences import materialise_items
from bot.services.coaching.policy import may_log_for, refusal
from bot.services.coaching.status import load_status_context
from db.models import (
    CoachingItem,
    Membership,
    MembershipRole,
    Person,
    Program,
    ProgramStatus,
    Role,
)


def sessions_to_log(
    *, session: Session, actor: Actor, rep_slack_id: str, now: datetime
) -> RepSessions:
    """The rep's sessions with their current manager in their newest active program."""
    membership = _rep_membership(session, rep_slack_id)
    rep, manager, program = membership.person, membership.manager, membership.program
    assert manager is not None  # _rep_membership only finds reps with a manager
    if not may_log_for(session=session, program_id=program.id, manager=manager, actor=actor):
        raise NotAllowed(refusal(rep))
    materialise_items(session=session, program=program, now=now)
    items = session.scalars(
        select(CoachingItem)
        .where(CoachingItem.program_id == program.id, CoachingItem.rep_id == rep.id,
               CoachingItem.manager_id == manager.id)
        .options(joinedload(CoachingItem.rep), joinedload(CoachingItem.manager))
    )
    context = load_status_context(session=session, program=program)
    ordered = sorted(items, key=lambda i: (i.week, CADENCE_ORDER.index(i.cadence)))
    return RepSessions(program, rep, manager, [(i, context.status_of(i, now)) for i in ordered])


def _rep_membership(session: Session, rep_slack_id: str) -> Membership:
    query = (
        select(Membership)
        .join(Person, Person.id == Membership.person_id)
        .join(Program, Program.id == Membership.program_id)
        .join(MembershipRole, MembershipRole.membership_id == Membership.id)
        .where(
            Person.slack_user_id == rep_slack_id, Membership.active.is_(True),
            Membership.manager_id.is_not(None), MembershipRole.role == Role.REP,
            Program.status == ProgramStatus.ACTIVE,
        )
        .options(joinedload(Membership.person), joinedload(Membership.manager),
                 joinedload(Membership.program))
        .order_by(Program.kickoff_date.desc(), Program.id.desc())
    )
    membership = session.scalars(query).first()
    if membership is None:
        raise NotFound(
            "That person is not a rep with a manager in an active kickoff program."
        )
    return membership
