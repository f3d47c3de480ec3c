"""Reviewing a talk-track (or rating a SpotCheck): only the rep's manager or the named reviewer,
never the rep; the rubric average must agree with the verdict; the rep hears the outcome."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.certification.definition import scored_dimensions
from bot.errors import InvalidField, InvalidInput, NotFound
from bot.ids import CertField
from bot.services.certification.attempts import round_attempts
from bot.services.certification.policy import certification_or_missing, ensure_reviewer
from bot.services.certification.retake import open_retake, post_event_of
from bot.services.certification.review_notice import queue_review_outcome
from db.models import (
    AttemptStatus,
    Certification,
    CertificationAttempt,
    CertificationReview,
    CertificationStage,
    Person,
    Program,
)


@dataclass(frozen=True)
class ToReview:
    """An attempt awaiting its reviewer, as the review modal shows it."""

    attempt: CertificationAttempt
    certification: Certification
    rep: Person


def attempt_to_review(*, session: Session, attempt_id: int, slack_user_id: str) -> ToReview:
    """The attempt, if the actor reviews it and it still waits; else a refusal."""
    attempt = session.get(CertificationAttempt, attempt_id)
    if attempt is None:
        raise NotFound("That submission no longer exists.")
    certification = certification_or_missing(session, attempt.certification_id)
    ensure_reviewer(session=session, attempt=attempt, certification=certification,
                    slack_user_id=slack_user_id)
    if attempt.status is not AttemptStatus.AWAITING_REVIEW:
        raise InvalidInput("This talk-track has been reviewed already.")
    rep = session.get(Person, attempt.person_id)
    assert rep is not None
    return ToReview(attempt, certification, rep)


def record_review(*, session: Session, attempt_id: int, slack_user_id: str,
                  scores: dict[str, str | None], verdict: str | None, feedback: str | None,
                  now: datetime) -> ToReview:
    """Store the review and settle the attempt; the rep is told (through the outbox)."""
    found = attempt_to_review(session=session, attempt_id=attempt_id,
                              slack_user_id=slack_user_id)
    attempt, certification = found.attempt, found.certification
    spotcheck = certification.stage is CertificationStage.SPOTCHECK
    values = {} if spotcheck else _scores(certification, scores)
    if verdict not in ("pass", "again"):
        raise InvalidField(CertField.VERDICT, "Pick the outcome.")
    passed = verdict == "pass"
    if values and passed != (sum(values.values()) / len(values)
                             >= certification.talk_track_minimum):
        raise InvalidField(CertField.VERDICT, (
            f"The scores average {sum(values.values()) / len(values):.1f} against a pass of "
            f"{certification.talk_track_minimum:g}: the outcome must agree with them."))
    reviewer = session.scalar(select(Person).where(Person.slack_user_id == slack_user_id,
                                                   Person.workspace_id == found.rep.workspace_id))
    session.add(CertificationReview(
        attempt_id=attempt.id, program_id=attempt.program_id, rep_id=attempt.person_id,
        reviewer_id=reviewer.id if reviewer else None, scores=values, passed=passed,
        feedback=(feedback or "").strip()[:200], reviewed_at=now))
    attempt.status = AttemptStatus.PASSED if passed else AttemptStatus.FAILED
    program = session.get(Program, certification.program_id)
    assert program is not None
    left = certification.attempts - len(round_attempts(session, certification.id,
                                                       attempt.person_id, attempt.round))
    queue_review_outcome(session=session, certification=certification, program=program,
                         attempt=attempt, feedback=(feedback or "").strip()[:200],
                         attempts_left=max(left, 0), now=now)
    if not passed:
        _back_into_cycle(session, certification, program, found.rep, left, now)
    return found


def _scores(certification: Certification, scores: dict[str, str | None]) -> dict[str, int]:
    values = {}
    for name in scored_dimensions(certification.dimensions):
        text = scores.get(name) or ""
        if text not in {"1", "2", "3", "4", "5"}:
            raise InvalidField(f"score_{name}", "Score it from 1 to 5.")
        values[name] = int(text)
    return values


def _back_into_cycle(session: Session, certification: Certification, program: Program,
                     rep: Person, left: int,
                     now: datetime) -> None:
    """A SpotCheck's "needs help" retakes the post-event certification; a talk-track failing
    the last attempt opens a retake of its own certification."""
    if certification.stage is CertificationStage.SPOTCHECK:
        target = post_event_of(session, program.id) or certification
    elif left <= 0:
        target = certification
    else:
        return
    open_retake(session=session, certification=target, program=program, rep=rep, now=now)
