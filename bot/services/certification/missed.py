"""The missed items and right answers: enablement may read them at any time, a rep's manager
once that rep's failed-out window has closed, the rep never before it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.services.actor import Actor
from bot.services.certification.attempts import drawn_questions
from bot.services.certification.policy import certification_or_missing, ensure_enablement
from db.models import (
    AttemptStatus,
    Certification,
    CertificationAttempt,
    CertificationQuestion,
    Person,
    Program,
)

Item = tuple[str, str]  # a question's text and its right option


def missed_items(session: Session, attempt: CertificationAttempt) -> list[Item]:
    """The questions the attempt got wrong, each with its right option."""
    questions = drawn_questions(session, attempt)
    return [(q.prompt, q.options[q.answer])
            for q, pick in zip(questions, attempt.chosen or [], strict=False) if pick != q.answer]


def failed_out_missed(session: Session, certification: Certification,
                      attempts: list[CertificationAttempt]) -> list[Item] | None:
    """What the person missed on the last attempt of a window they failed out of, given the
    window's attempts (None: they did not fail out of it)."""
    done = [a for a in attempts if a.status is not AttemptStatus.STARTED]
    if len(done) < certification.attempts or any(a.status is not AttemptStatus.FAILED
                                                 for a in done):
        return None
    return missed_items(session, done[-1])


def answer_key(*, session: Session, certification_id: int, actor: Actor) -> list[str]:
    """Enablement's view: every question with its right option, then each rep's misses on
    their latest attempt (NotAllowed for anyone else)."""
    certification = certification_or_missing(session, certification_id)
    program = session.get(Program, certification.program_id)
    assert program is not None
    ensure_enablement(session=session, program=program, actor=actor)
    lines = [f"{q.prompt} -> {q.options[q.answer]}" for q in session.scalars(
        select(CertificationQuestion).where(
            CertificationQuestion.certification_id == certification.id)
        .order_by(CertificationQuestion.position))]
    latest: dict[int, CertificationAttempt] = {}
    for attempt in session.scalars(select(CertificationAttempt).where(
            CertificationAttempt.certification_id == certification.id,
            CertificationAttempt.submitted_at.is_not(None)).order_by(CertificationAttempt.id)):
        latest[attempt.person_id] = attempt
    for person_id, attempt in latest.items():
        person = session.get(Person, person_id)
        misses = missed_items(session, attempt)
        if person is not None and misses:
            lines.append(f"{person.name} missed: " + "; ".join(p for p, _ in misses))
    return lines
