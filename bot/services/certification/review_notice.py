"""The certification DMs queued by what a person did (a submission, a review, failing out): each
in its recipient's working window, through the outbox."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from bot.blocks.certification.messages import (
    Message,
    build_retake_notice,
    build_review_request,
    build_reviewed_message,
)
from bot.domain.kinds import DeliveryKind
from bot.services.availability import dm_window
from bot.services.certification.policy import reviewer_of
from bot.services.outbox import Envelope, delivery_key, queue
from db.models import (
    AttemptStatus,
    Certification,
    CertificationAttempt,
    CertificationStage,
    Person,
    Program,
)


def queue_review_request(*, session: Session, certification: Certification, program: Program,
                         attempt: CertificationAttempt, now: datetime) -> None:
    """The reviewer's DM with Review (no reviewer: it waits in enablement's figures)."""
    reviewer_id = reviewer_of(session, certification, attempt.person_id)
    reviewer = session.get(Person, reviewer_id) if reviewer_id is not None else None
    rep = session.get(Person, attempt.person_id)
    if reviewer is None or rep is None:
        return
    message = build_review_request(
        rep_name=rep.name, name=certification.name, attempt_id=attempt.id,
        spotcheck=certification.stage is CertificationStage.SPOTCHECK)
    _queue(session, DeliveryKind.CERT_REVIEW_REQUEST, program, reviewer, f"a{attempt.id}",
           message, now)


def queue_review_outcome(*, session: Session, certification: Certification, program: Program,
                         attempt: CertificationAttempt, feedback: str, attempts_left: int,
                         now: datetime) -> None:
    """The rep's DM: passed or another attempt needed, with the reviewer's line."""
    rep = session.get(Person, attempt.person_id)
    assert rep is not None
    message = build_reviewed_message(
        name=certification.name, passed=attempt.status is AttemptStatus.PASSED,
        feedback=feedback, attempts_left=attempts_left,
        spotcheck=certification.stage is CertificationStage.SPOTCHECK)
    _queue(session, DeliveryKind.CERT_REVIEWED, program, rep, f"a{attempt.id}", message, now)


def queue_retake_notice(*, session: Session, certification: Certification, program: Program,
                        rep: Person, manager: Person, round_: int, opens_on: date,
                        due_on: date, now: datetime) -> None:
    """The manager's DM: their rep is back in the cycle, with the retake's days."""
    message = build_retake_notice(rep_name=rep.name, name=certification.name,
                                  opens_on=opens_on, due_on=due_on)
    _queue(session, DeliveryKind.CERT_RETAKE, program, manager,
           f"c{certification.id}.{rep.id}.r{round_}", message, now)


def _queue(session: Session, kind: DeliveryKind, program: Program, person: Person, slot: str,
           message: Message, now: datetime) -> None:
    window = dm_window(session=session, program=program, person=person, now=now)
    text, blocks = message
    queue(session, [Envelope(
        key=delivery_key(kind, program.id, person.id, slot), kind=kind,
        workspace_id=program.workspace_id, program_id=program.id, person_id=person.id,
        channel=person.slack_user_id, text=text, blocks=blocks, due_at=window.due,
        window_end=window.end)], now=now)
