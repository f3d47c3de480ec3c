"""The reps of a program and their answers, loaded in a few light queries (plain rows, not
ORM objects: counting is done after every answer, so it has to be cheap)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exists, select
from sqlalchemy.orm import Session, aliased, joinedload

from db.models import (
    Change,
    Membership,
    MembershipRole,
    Person,
    Program,
    ProgramStatus,
    Role,
    StandupAnswer,
)


@dataclass(frozen=True)
class Rep:
    """A rep of a program, with what standups need to know about them."""

    person_id: int
    slack_user_id: str
    name: str
    timezone: str
    team: str | None
    manager_id: int | None
    manager_name: str | None
    active: bool  # both the membership and the person are active


def reps_of(*, session: Session, program_id: int, active_only: bool) -> list[Rep]:
    """Members holding the rep role, by name; only active ones if asked."""
    manager = aliased(Person)
    is_rep = exists().where(
        MembershipRole.membership_id == Membership.id, MembershipRole.role == Role.REP
    )
    query = (
        select(
            Person.id,
            Person.slack_user_id,
            Person.name,
            Person.timezone,
            Membership.team,
            Membership.manager_id,
            manager.name,
            Membership.active & Person.active,
        )
        .join(Person, Person.id == Membership.person_id)
        .outerjoin(manager, manager.id == Membership.manager_id)
        .where(Membership.program_id == program_id, is_rep)
        .order_by(Person.name, Person.id)
    )
    if active_only:
        query = query.where(Membership.active.is_(True), Person.active.is_(True))
    return [Rep(*row[:7], active=bool(row[7])) for row in session.connection().execute(query)]


def rep_membership(*, session: Session, program_id: int, slack_user_id: str) -> Membership | None:
    """The membership of the rep with this Slack id in the program (active or not)."""
    query = (
        select(Membership)
        .join(Membership.person)
        .where(Membership.program_id == program_id, Person.slack_user_id == slack_user_id)
        .options(
            joinedload(Membership.person),
            joinedload(Membership.manager),
            joinedload(Membership.program),
        )
    )
    membership = session.scalars(query).first()
    if membership is None or Role.REP not in membership.roles:
        return None
    return membership


def is_taking_part(membership: Membership) -> bool:
    """An active rep in an active program: the only ones prompted and able to answer."""
    return (
        membership.active
        and membership.person.active
        and Role.REP in membership.roles
        and membership.program.status is ProgramStatus.ACTIVE
    )


@dataclass(frozen=True)
class AnswerFacts:
    """What counting needs of an answer: when it came, and whether it was late or "out today"."""

    answered_at: datetime
    late: bool
    out_today: bool
    follow: Change | None = None  # the rep's answer about the previous day's activity


def answers_of(
    *, session: Session, program_id: int, number: int | None = None
) -> dict[tuple[int, int], AnswerFacts]:
    """The program's answers (to Day `number` only, if given) by (person id, day number)."""
    query = select(
        StandupAnswer.person_id,
        StandupAnswer.day_number,
        StandupAnswer.answered_at,
        StandupAnswer.late,
        StandupAnswer.out_today,
        StandupAnswer.follow_through,
    ).where(StandupAnswer.program_id == program_id)
    if number is not None:
        query = query.where(StandupAnswer.day_number == number)
    return {
        (person_id, day): AnswerFacts(answered_at, bool(late), bool(out_today),
                                      Change(follow) if follow else None)
        for person_id, day, answered_at, late, out_today, follow
        in session.connection().execute(query)
    }


def answer_of(
    *, session: Session, program_id: int, person_id: int, number: int
) -> StandupAnswer | None:
    """One rep's answer to Day `number`, if any."""
    query = select(StandupAnswer).where(
        StandupAnswer.program_id == program_id,
        StandupAnswer.person_id == person_id,
        StandupAnswer.day_number == number,
    )
    return session.scalars(query).first()


def active_programs(*, session: Session) -> list[Program]:
    """Programs that are sending (status active)."""
    return list(session.scalars(select(Program).where(Program.status == ProgramStatus.ACTIVE)))
