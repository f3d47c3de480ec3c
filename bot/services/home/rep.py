"""A rep's part of the home, per program: today's standup, coaching ahead, their call-review
scores, the behaviours agreed and their follow-through (behaviours changed, activities done)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.coaching.status import TO_LOG, Status
from bot.domain.follow_through import FollowCounts
from bot.domain.home import RepView, Review, StandupToday
from bot.domain.local_time import local_date
from bot.services.coaching.behaviours import agreed_behaviours, behaviour_follow_through
from bot.services.coaching.status import load_status_context
from bot.services.plans.carried import plan_of
from bot.services.standups.reps import answer_of, is_taking_part
from bot.services.standups.schedule import today_for
from bot.services.standups.slots import describe_next_day
from db.models import CadenceType, CoachingItem, Membership, StandupAnswer
from db.models.coaching import RUBRIC_DIMENSIONS

MAX_COACHING = 4  # sessions ahead shown; the rest are in the manager's hands anyway


def rep_view(*, session: Session, member: Membership, now: datetime) -> RepView:
    """The rep section of one program (a fixed number of queries)."""
    program, person = member.program, member.person
    items = list(session.scalars(select(CoachingItem).where(
        CoachingItem.program_id == program.id, CoachingItem.rep_id == person.id)))
    context = load_status_context(session=session, program=program)
    status = {item.id: context.status_of(item, now) for item in items}
    today = local_date(now, person.timezone)
    ahead = sorted((i for i in items if status[i.id] in TO_LOG and i.effective_due >= today),
                   key=lambda item: item.effective_due)
    reviews = sorted((i for i in items if i.cadence is CadenceType.CALL_REVIEW
                      and status[i.id] is Status.DONE),
                     key=lambda item: (item.held_on or item.due_date, item.week))
    return RepView(
        member=member, standup=_standup_today(session, member, now),
        next_standup=describe_next_day(program, person.timezone, now)
        if is_taking_part(member) else None,
        coaching=ahead[:MAX_COACHING], reviews=[_review(item) for item in reviews],
        agreed_behaviour=reviews[-1].agreed_behaviour if reviews else None,
        plan=plan_of(session=session, program_id=program.id, rep_id=person.id),
        behaviours=tuple(a.text for a in agreed_behaviours(
            session=session, program_id=program.id, rep_ids=[person.id]).get(person.id, [])),
        behaviour_follow=behaviour_follow_through(session=session, program_id=program.id,
                                                  rep_id=person.id),
        standup_follow=_standup_follow(session, member),
    )


def _standup_follow(session: Session, member: Membership) -> FollowCounts:
    """How often the rep did the activity they had planned at their previous standup."""
    counts = FollowCounts()
    for change in session.scalars(select(StandupAnswer.follow_through).where(
            StandupAnswer.program_id == member.program_id,
            StandupAnswer.person_id == member.person_id)):
        counts.add(change)
    return counts


def _standup_today(session: Session, member: Membership, now: datetime) -> StandupToday | None:
    if not is_taking_part(member):
        return None
    day = today_for(member.program, member.person.timezone, now)
    if day is None:
        return None
    answer = answer_of(session=session, program_id=member.program_id,
                       person_id=member.person_id, number=day.number)
    return StandupToday(day=day, answered=answer is not None and not answer.out_today,
                        out_today=answer is not None and answer.out_today)


def _review(item: CoachingItem) -> Review:
    scores = {name: score for name in RUBRIC_DIMENSIONS if (score := item.score(name))}
    return Review(week=item.week, held_on=item.held_on, scores=scores)
