"""What `program preview` rehearses of certifications, so it shows what they make the bot send:
the first rep fails out of each certification with questions (their manager hears, and gets the
missed items at its close); the second submits each talk-track and their manager asks for
another attempt. The same services the listeners call; inside the preview's savepoint."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from functools import partial

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.certification.definition import scored_dimensions
from bot.domain.local_time import at_local
from bot.services.certification.example import take_example
from bot.services.certification.review import record_review
from db.models import (
    AttemptStatus,
    Certification,
    CertificationAttempt,
    Membership,
    Person,
    Program,
)

EXAMPLE = "(example)"
Act = tuple[datetime, Callable[[], None]]


def certification_events(*, session: Session, program: Program,
                         reps: list[Membership]) -> list[Act]:
    """The acts to play and when: failing out at 16:00 on the last day but one; a talk-track
    at 16:00 on the first day, reviewed the next day at noon."""
    acts: list[Act] = []
    for certification in session.scalars(select(Certification).where(
            Certification.program_id == program.id).order_by(Certification.id)):
        first = program.kickoff_date + timedelta(days=certification.opens_day)
        last = program.kickoff_date + timedelta(days=certification.due_day)
        if certification.talk_track is None and reps:
            at = at_local(last - timedelta(days=1), time(16), reps[0].person.timezone)
            acts += [(at + timedelta(minutes=n), partial(
                _attempt, session, certification, reps[0].person, at + timedelta(minutes=n)))
                for n in range(certification.attempts)]
        elif len(reps) > 1 and reps[1].manager is not None:
            rep, manager = reps[1].person, reps[1].manager
            at = at_local(first, time(16), rep.timezone)
            reviewed = at_local(first + timedelta(days=1), time(12), manager.timezone)
            acts += [(at, partial(_attempt, session, certification, rep, at)),
                     (reviewed, partial(_review, session, certification, manager, reviewed))]
    return acts


def _attempt(session: Session, certification: Certification, rep: Person,
             now: datetime) -> None:
    """A wrong attempt, or a talk-track submitted."""
    take_example(session=session, certification_id=certification.id,
                 slack_user_id=rep.slack_user_id, now=now,
                 right=certification.talk_track is not None,
                 recording="https://example.com/example-recording"
                 if certification.talk_track else None)


def _review(session: Session, certification: Certification, manager: Person,
            now: datetime) -> None:
    attempt = session.scalars(select(CertificationAttempt).where(
        CertificationAttempt.certification_id == certification.id,
        CertificationAttempt.status == AttemptStatus.AWAITING_REVIEW)).first()
    if attempt is not None:
        record_review(session=session, attempt_id=attempt.id,
                      slack_user_id=manager.slack_user_id,
                      scores=dict.fromkeys(scored_dimensions(certification.dimensions), "3"),
                      verdict="again", feedback=f"{EXAMPLE} one line of feedback", now=now)
