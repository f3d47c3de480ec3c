"""An attempt taken as an example, through the same services the modal's listeners call: for
`program preview`'s rehearsal and the demo."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.domain.certification.scoring import example_picks
from bot.services.certification.attempts import start_attempt, submit_attempt
from db.models import CertificationAttempt


def take_example(*, session: Session, certification_id: int, slack_user_id: str,
                 now: datetime, right: bool = True,
                 recording: str | None = None) -> CertificationAttempt:
    """One attempt, every question answered right (or wrong), submitted at `now`."""
    found = start_attempt(session=session, certification_id=certification_id,
                          slack_user_id=slack_user_id, now=now)
    answers = [question.answer for question in found.questions]
    picks: dict[int, str | None] = {**example_picks(found.attempt.drawn, answers, right=right)}
    return submit_attempt(session=session, attempt_id=found.attempt.id,
                          slack_user_id=slack_user_id, picks=picks, recording_url=recording,
                          now=now).attempt
