"""Taking and reviewing certifications through the services, for planner and figure tests."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.services.certification.example import take_example
from bot.services.certification.review import record_review
from db.models import CertificationAttempt


def answer(session: Session, certification_id: int, slack_user_id: str, now: datetime, *,
           right: bool = True, recording: str | None = None) -> CertificationAttempt:
    """One attempt, every question answered right (or wrong), submitted at `now`."""
    return take_example(session=session, certification_id=certification_id,
                        slack_user_id=slack_user_id, now=now, right=right, recording=recording)


def rate(session: Session, attempt: CertificationAttempt, reviewer: str, now: datetime, *,
         executing: bool) -> None:
    """A SpotCheck's rating by the rep's manager."""
    record_review(session=session, attempt_id=attempt.id, slack_user_id=reviewer, scores={},
                  verdict="pass" if executing else "again", feedback=None, now=now)
