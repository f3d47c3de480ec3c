"""Certifications' share of a program copy: each certification and its question pool, right
answers included. Their days count from the kickoff, so nothing is re-dated. A named reviewer
stays only if still a member of the copy (else each rep's manager reviews); attempts, reviews and
retakes are each person's history and stay with the first program."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Certification, CertificationQuestion, Membership, Program

SETTINGS = ("name", "stage", "opens_day", "due_day", "attempts", "pass_percent", "draw",
            "talk_track", "talk_track_minimum", "dimensions", "created_by")


def copy_program_certifications(*, session: Session, source: Program, copy: Program) -> None:
    """Carry every certification of `source` over to `copy`."""
    members = set(session.scalars(select(Membership.person_id).where(
        Membership.program_id == copy.id, Membership.active.is_(True))))
    for certification in session.scalars(select(Certification).where(
            Certification.program_id == source.id).order_by(Certification.id)):
        reviewer = certification.reviewer_id if certification.reviewer_id in members else None
        new = Certification(workspace_id=copy.workspace_id, program_id=copy.id,
                            reviewer_id=reviewer,
                            **{name: getattr(certification, name) for name in SETTINGS})
        session.add(new)
        session.flush()
        for question in session.scalars(select(CertificationQuestion).where(
                CertificationQuestion.certification_id == certification.id)):
            session.add(CertificationQuestion(
                certification_id=new.id, position=question.position, prompt=question.prompt,
                options=list(question.options), answer=question.answer))
