"""Taking and reviewing certifications through the services, for planner and figure tests."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.domain.certification.scoring import option_value, shown_orders
from bot.services.certification.attempts import drawn_questions, start_attempt, submit_attempt
from bot.services.certification.review import record_review
from db.models import CertificationAttempt


def answer(session: Session, certification_id: int, slack_user_id: str, now: datetime, *,
           right: bool = True, recording: str | None = None) -> CertificationAttempt:
    """One attempt, every question answered right (or wrong), submitted at `now`."""
    found = start_attempt(session=session, certification_id=certification_id,
                          slack_user_id=slack_user_id, now=now)
    picks: dict[int, str | None] = {}
    orders = shown_orders(found.attempt.drawn)
    for position, question in enumerate(drawn_questions(session, found.attempt)):
        order = orders[position]
        wanted = next(i for i in order if (i == question.answer) is right)
        picks[position] = option_value(position, order.index(wanted))
    return submit_attempt(session=session, attempt_id=found.attempt.id,
                          slack_user_id=slack_user_id, picks=picks, recording_url=recording,
                          now=now).attempt


def rate(session: Session, attempt: CertificationAttempt, reviewer: str, now: datetime, *,
         executing: bool) -> None:
    """A SpotCheck's rating by the rep's manager."""
    record_review(session=session, attempt_id=attempt.id, slack_user_id=reviewer, scores={},
                  verdict="pass" if executing else "again", feedback=None, now=now)
