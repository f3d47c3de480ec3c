"""Talk-tracks waiting for review: by reviewer, each flagged once 3 working days have passed
since it was submitted (for the reviewer's home and digest, and the audit)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.certification.home import PendingReview
from bot.domain.local_time import local_date
from bot.services.availability import program_day_off
from bot.services.certification.policy import reviewer_of
from db.models import AttemptStatus, Certification, CertificationAttempt, Person, Program

REVIEW_DAYS = 3  # working days a reviewer has


def pending_reviews(
    session: Session, program: Program, now: datetime
) -> dict[int, list[PendingReview]]:
    """Waiting talk-tracks by reviewer id, oldest first."""
    rows = session.execute(
        select(CertificationAttempt, Certification, Person)
        .join(Certification, Certification.id == CertificationAttempt.certification_id)
        .join(Person, Person.id == CertificationAttempt.person_id)
        .where(Certification.program_id == program.id,
               CertificationAttempt.status == AttemptStatus.AWAITING_REVIEW)
        .order_by(CertificationAttempt.submitted_at, CertificationAttempt.id)).all()
    today = local_date(now, program.timezone)
    found: dict[int, list[PendingReview]] = {}
    for attempt, certification, rep in rows:
        reviewer = reviewer_of(session, certification, rep.id)
        if reviewer is None or attempt.submitted_at is None:
            continue
        submitted = local_date(attempt.submitted_at, program.timezone)
        found.setdefault(reviewer, []).append(PendingReview(
            attempt.id, rep.name, certification.name, submitted,
            overdue=_working_days(program, submitted, today) >= REVIEW_DAYS))
    return found


def _working_days(program: Program, since: date, today: date) -> int:
    """Working days after `since` up to and including `today`."""
    days = (today - since).days
    return sum(1 for n in range(1, days + 1)
               if program_day_off(program, date.fromordinal(since.toordinal() + n)) is None)
