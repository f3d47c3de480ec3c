"""Standup follow-through: from Day 2, the modal first asks whether the activity of the rep's last
answered standup was done; the answer is kept on today's answer."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.follow_through import EarlierPlan, read_change
from bot.services.standups.slots import Slot
from db.models import Change, StandupAnswer

MISSING = "Please say whether you did it: yes, partly or no."


def earlier_plan(session: Session, slot: Slot) -> EarlierPlan | None:
    """The activity of the rep's last answered day before this one (None on Day 1, or when
    they have answered no day yet), with what today's answer says of it so far."""
    earlier = session.scalars(
        select(StandupAnswer).where(
            StandupAnswer.program_id == slot.program.id,
            StandupAnswer.person_id == slot.member.person_id,
            StandupAnswer.day_number < slot.day.number,
            StandupAnswer.out_today.is_(False), StandupAnswer.activity.is_not(None),
        ).order_by(StandupAnswer.day_number.desc())
    ).first()
    if earlier is None or not earlier.activity:
        return None
    today = slot.answer(session)
    asked = today is not None and today.follow_day == earlier.day_number
    return EarlierPlan(day_number=earlier.day_number,
                       weekday=earlier.local_date.strftime("%A"), activity=earlier.activity,
                       answer=today.follow_through if today is not None and asked else None)


@dataclass(frozen=True)
class FollowAnswer:
    """The rep's checked answer about the activity of their earlier day `day_number`."""

    day_number: int
    change: Change


def read_follow(
    session: Session, slot: Slot, raw: object
) -> tuple[FollowAnswer | None, str | None]:
    """The rep's yes / partly / no about the earlier plan (None when there is none to ask
    about), or the error to show when one exists and no valid choice came."""
    earlier = earlier_plan(session, slot)
    if earlier is None:
        return None, None
    change = read_change(raw)
    if change is None:
        return None, MISSING
    return FollowAnswer(earlier.day_number, change), None


def keep_follow(answer: StandupAnswer, follow: FollowAnswer | None) -> bool:
    """Store the follow-through on today's answer; whether that changed anything."""
    if follow is None or (answer.follow_day, answer.follow_through) == (
        follow.day_number, follow.change
    ):
        return False
    answer.follow_day, answer.follow_through = follow.day_number, follow.change
    return True
