"""Enablement's part of the home: their surveys with answer counts (never who), and each
program's participation at a glance: members, standups, coaching done so far."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.domain.coaching.status import CadenceCounts, Status
from bot.domain.group_size import may_show, smallest_group
from bot.domain.home import EnablementView, ProgramGlance
from bot.domain.local_time import local_date
from bot.errors import NotAllowed
from bot.services.actor import Actor
from bot.services.coaching.status import load_status_context
from bot.services.standups.participation import participation
from bot.services.surveys.status import survey_overviews
from db.models import CadenceType, CoachingItem, Membership, Person, Program


def enablement_view(
    *, session: Session, workspace_id: int, actor: Actor,
    programs: list[Program], now: datetime,
) -> EnablementView:
    """Surveys of the actor's programs and a glance at each of `programs`."""
    try:
        surveys = survey_overviews(session=session, workspace_id=workspace_id, actor=actor,
                                   now=now)
    except NotAllowed:  # their programs have all ended: nothing to run surveys for
        surveys = []
    return EnablementView(surveys=surveys,
                          glances=[glance(session=session, program=p, now=now) for p in programs])


def glance(*, session: Session, program: Program, now: datetime) -> ProgramGlance:
    """Members, standup participation and coaching completion of one program (a few queries)."""
    members = session.scalar(
        select(func.count(Membership.id)).join(Person, Person.id == Membership.person_id)
        .where(Membership.program_id == program.id, Membership.active.is_(True),
               Person.active.is_(True))
    )
    context = load_status_context(session=session, program=program)
    today = local_date(now, program.timezone)
    items = session.scalars(select(CoachingItem).where(
        CoachingItem.program_id == program.id, CoachingItem.due_date < today,
        CoachingItem.committed.is_(False)))
    statuses: dict[CadenceType, Counter[Status]] = defaultdict(Counter)
    for item in items:
        statuses[item.cadence][context.status_of(item, now)] += 1
    standups = participation(session=session, program=program, now=now)
    reps = len({row.person_id for row in standups.rows})
    return ProgramGlance(
        program=program, members=int(members or 0),
        standups=standups.totals() if may_show(
            reps, smallest=smallest_group(program.smallest_group)) else None,
        coaching={kind: CadenceCounts.of(statuses[kind]) for kind in CadenceType
                  if kind in statuses},
    )
