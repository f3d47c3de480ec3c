"""Out of office set from Slack: by the person themselves, their manager, or an admin; the
days are recorded by the out-of-office service (its rules, its cancelling of planned sends)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.out_of_office import OutOfOfficeOutcome
from bot.errors import KickoffError, NotFound
from bot.services.coaching.authority import Actor
from bot.services.out_of_office import set_out_of_office
from db.models import Membership, MembershipRole, Person, Role

REFUSAL = ("You can set out of office for yourself, for the reps you manage, or (as an admin) "
           "for anyone in your programs.")
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


def may_set_for(*, session: Session, actor: Actor, target: Person) -> bool:
    """The person themselves, a kickoff admin, their manager in an active membership, or an
    admin of a program they are in."""
    if actor.is_kickoff_admin or actor.slack_user_id == target.slack_user_id:
        return True
    manager = select(Membership.id).join(Person, Person.id == Membership.manager_id).where(
        Membership.person_id == target.id, Membership.active.is_(True),
        Person.slack_user_id == actor.slack_user_id)
    if session.scalars(manager).first() is not None:
        return True
    their_programs = select(Membership.program_id).where(
        Membership.person_id == target.id, Membership.active.is_(True))
    admin = (select(Membership.id).join(Person, Person.id == Membership.person_id)
             .join(MembershipRole, MembershipRole.membership_id == Membership.id)
             .where(Person.slack_user_id == actor.slack_user_id, Membership.active.is_(True),
                    MembershipRole.role == Role.ADMIN,
                    Membership.program_id.in_(their_programs)))
    return session.scalars(admin).first() is not None


def person_known(*, session: Session, slack_user_id: str) -> Person:
    """The person with this Slack id (NotFound when kickoff-bot does not know them)."""
    person = session.scalars(select(Person).where(Person.slack_user_id == slack_user_id)
                             .order_by(Person.id)).first()
    if person is None:
        raise NotFound(UNKNOWN)
    return person
