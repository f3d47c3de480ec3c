"""Out of office set from Slack: by whom ooo/policy.py allows; the days are recorded by the
out-of-office service (its rules, its cancelling of planned sends)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.out_of_office import OutOfOfficeOutcome
from bot.errors import KickoffError, NotFound
from bot.services.actor import Actor
from bot.services.ooo.policy import REFUSAL, may_set_for
from bot.services.out_of_office import set_out_of_office
from db.models import Person

UNKNOWN = "That person is not in a kickoff program, so kickoff-bot sends them nothing anyway."


def set_out_of_office_as(
    *, session: Session, actor: Actor, target_slack_id: str, first_day: date, last_day: date,
    now: datetime,
) -> OutOfOfficeOutcome:
    """Record the days if `actor` may set them for the target; else say why."""
    target = session.scalars(select(Person).where(Person.slack_user_id == target_slack_id)
                             .order_by(Person.id)).first()
    if target is None:
        return OutOfOfficeOutcome(errors={"person": UNKNOWN})
    if not may_set_for(session=session, actor=actor, target=target):
        return OutOfOfficeOutcome(errors={"person": REFUSAL})
    try:
        done = set_out_of_office(session=session, person=target, first_day=first_day,
                                 last_day=last_day, now=now)
    except KickoffError as refusal:  # the days themselves (order, length) are refused
        return OutOfOfficeOutcome(errors={"days": str(refusal)})
    merged = (done.absence.first_day, done.absence.last_day) != (first_day, last_day)
    return OutOfOfficeOutcome(absence=done.absence, cancelled=done.cancelled, merged=merged)


def person_known(*, session: Session, slack_user_id: str) -> Person:
    """The person with this Slack id (NotFound when kickoff-bot does not know them)."""
    person = session.scalars(select(Person).where(Person.slack_user_id == slack_user_id)
                             .order_by(Person.id)).first()
    if person is None:
        raise NotFound(UNKNOWN)
    return person
