"""Who may do what with a program's certifications: enablement and admins define them and read
the key; a rep takes their own; the rep's manager or the named reviewer reviews, never the rep."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.errors import NotAllowed, NotFound
from bot.services.actor import Actor
from bot.services.surveys.policy import manageable_programs
from db.models import (
    Certification,
    CertificationAttempt,
    Membership,
    Person,
    Program,
    Role,
)

NOT_ENABLEMENT = ("Only the program's enablement team or a kickoff admin can define its "
                  "certifications or read their answers.")
NOT_REVIEWER = ("Only the rep's manager or the certification's named reviewer can review this "
                "talk-track.")
OWN = "You cannot review your own talk-track."


def ensure_enablement(*, session: Session, program: Program, actor: Actor) -> None:
    """Raise NotAllowed unless the actor runs the program (enablement, admin, kickoff admin)."""
    programs = manageable_programs(session=session, workspace_id=program.workspace_id,
                                   actor=actor)
    if program.id not in {p.id for p in programs}:
        raise NotAllowed(NOT_ENABLEMENT)


def person_of(session: Session, program: Program, slack_user_id: str) -> Person | None:
    """The workspace's person with this Slack id (None: nobody kickoff-bot knows)."""
    return session.scalar(select(Person).where(Person.workspace_id == program.workspace_id,
                                               Person.slack_user_id == slack_user_id))


def assignee(session: Session, certification: Certification, slack_user_id: str) -> Membership:
    """The rep's active membership in the certification's program, or NotAllowed."""
    member = session.scalar(
        select(Membership).join(Membership.person)
        .where(Membership.program_id == certification.program_id, Membership.active.is_(True),
               Person.slack_user_id == slack_user_id))
    if member is None or Role.REP not in member.roles:
        raise NotAllowed(f"{certification.name} is for the program's reps; you are not one.")
    return member


def reviewer_of(session: Session, certification: Certification, rep_id: int) -> int | None:
    """Who reviews this rep's talk-track: the named reviewer, else the rep's manager."""
    if certification.reviewer_id is not None:
        return certification.reviewer_id
    return session.scalar(select(Membership.manager_id).where(
        Membership.program_id == certification.program_id, Membership.person_id == rep_id))


def ensure_reviewer(
    *, session: Session, attempt: CertificationAttempt, certification: Certification,
    slack_user_id: str,
) -> Person:
    """The reviewer acting, or NotAllowed (the rep themself, or anyone else)."""
    person = session.scalar(select(Person).where(
        Person.workspace_id == certification.workspace_id, Person.slack_user_id == slack_user_id))
    if person is not None and person.id == attempt.person_id:
        raise NotAllowed(OWN)
    if person is None or person.id != reviewer_of(session, certification, attempt.person_id):
        raise NotAllowed(NOT_REVIEWER)
    return person


def certification_or_missing(session: Session, certification_id: int) -> Certification:
    """The certification, or NotFound."""
    certification = session.get(Certification, certification_id)
    if certification is None:
        raise NotFound("That certification no longer exists.")
    return certification
