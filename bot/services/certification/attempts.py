"""Taking a certification: starting an attempt (questions drawn and options shuffled, stored so
the modal carries nothing but positions) and submitting it (scored here, never in Slack)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.certification.scoring import (
    PoolQuestion,
    chosen_options,
    draw,
    passed_questions,
    question_ids,
)
from bot.errors import InvalidField, InvalidInput, NotAllowed
from bot.services.certification.policy import assignee, certification_or_missing
from bot.services.certification.retake import open_retake
from bot.services.certification.review_notice import queue_review_request
from bot.services.certification.windows import Window, current_window
from db.models import (
    AttemptStatus,
    Certification,
    CertificationAttempt,
    CertificationQuestion,
    Person,
    Program,
)

URL_FIELD = "recording"


@dataclass(frozen=True)
class OpenAttempt:
    """An attempt to show: the certification, the drawn questions in order, the window."""

    attempt: CertificationAttempt
    certification: Certification
    questions: list[CertificationQuestion]
    window: Window


def start_attempt(
    *, session: Session, certification_id: int, slack_user_id: str, now: datetime
) -> OpenAttempt:
    """The rep's open attempt (reopening the modal keeps its draw), or a new one if they have
    attempts left in an open window; otherwise a refusal saying why."""
    certification = certification_or_missing(session, certification_id)
    member = assignee(session, certification, slack_user_id)
    program = member.program
    window = _open_window(session, certification, program, member.person, now)
    attempts = round_attempts(session, certification.id, member.person_id, window.round)
    _ensure_may_attempt(certification, attempts)
    attempt = next((a for a in attempts if a.status is AttemptStatus.STARTED), None)
    if attempt is None:
        pool = session.scalars(select(CertificationQuestion).where(
            CertificationQuestion.certification_id == certification.id)).all()
        attempt = CertificationAttempt(
            program_id=certification.program_id, certification_id=certification.id,
            person_id=member.person_id, round=window.round, number=len(attempts) + 1,
            started_at=now,
            drawn=draw([PoolQuestion(q.id, len(q.options)) for q in pool],
                       certification.draw or len(pool)))
        session.add(attempt)
        session.flush()
    return OpenAttempt(attempt, certification, drawn_questions(session, attempt), window)


def submit_attempt(
    *, session: Session, attempt_id: int, slack_user_id: str, picks: dict[int, str | None],
    recording_url: str | None, now: datetime,
) -> OpenAttempt:
    """Score the attempt (a pick missing: the field named, nothing changes); a talk-track goes
    to its reviewer; failing the last attempt sends the rep back into the cycle."""
    attempt = session.get(CertificationAttempt, attempt_id)
    person = session.get(Person, attempt.person_id) if attempt is not None else None
    if attempt is None or person is None or person.slack_user_id != slack_user_id:
        raise NotAllowed("That attempt is not yours; open the certification from its message.")
    certification = certification_or_missing(session, attempt.certification_id)
    program = session.get(Program, certification.program_id)
    assert program is not None
    window = _open_window(session, certification, program, person, now)
    if attempt.status is not AttemptStatus.STARTED or window.round != attempt.round:
        raise InvalidInput("This attempt was already submitted; your score is in your App Home.")
    chosen = chosen_options(attempt.drawn, picks)
    missing = next((position for position, pick in enumerate(chosen) if pick is None), None)
    if missing is not None:
        raise InvalidField(f"q{missing}", "Pick an answer.")
    questions = drawn_questions(session, attempt)
    attempt.chosen = chosen
    attempt.correct = sum(pick == q.answer for pick, q in zip(chosen, questions, strict=True))
    attempt.recording_url = _recording(certification, recording_url)
    attempt.submitted_at = now
    attempt.status = _status(certification, attempt.correct, len(questions))
    if attempt.status is AttemptStatus.AWAITING_REVIEW:
        queue_review_request(session=session, certification=certification, program=program,
                             attempt=attempt, now=now)
    elif attempt.status is AttemptStatus.FAILED and attempt.number >= certification.attempts:
        open_retake(session=session, certification=certification, program=program, rep=person,
                    now=now)
    return OpenAttempt(attempt, certification, questions, window)


def round_attempts(
    session: Session, certification_id: int, person_id: int, round_: int
) -> list[CertificationAttempt]:
    """The person's attempts in one round, in order."""
    return list(session.scalars(select(CertificationAttempt).where(
        CertificationAttempt.certification_id == certification_id,
        CertificationAttempt.person_id == person_id, CertificationAttempt.round == round_)
        .order_by(CertificationAttempt.number)))


def may_still_attempt(certification: Certification,
                      attempts: list[CertificationAttempt]) -> bool:
    """Whether, with these attempts in a window, the person has not passed (nor waits for a
    review) and has attempts left: who the reminder is for."""
    try:
        _ensure_may_attempt(certification, attempts)
    except InvalidInput:
        return False
    return True


def drawn_questions(session: Session, attempt: CertificationAttempt) -> list[CertificationQuestion]:
    """The attempt's questions in the order they were drawn."""
    ids = question_ids(attempt.drawn)
    found = {q.id: q for q in session.scalars(select(CertificationQuestion).where(
        CertificationQuestion.id.in_(ids)))}
    return [found[question_id] for question_id in ids]


def _open_window(
    session: Session, certification: Certification, program: Program, person: Person,
    now: datetime,
) -> Window:
    window = current_window(session, certification, program, person, now)
    if now < window.opens_at:
        raise InvalidInput(f"{certification.name} opens on {window.opens_on:%a %d %b}.")
    if not window.holds(now):
        raise InvalidInput(f"{certification.name} was due on {window.due_on:%a %d %b}: "
                           "attempts are closed, nothing was recorded.")
    return window


def _ensure_may_attempt(certification: Certification, attempts: list[CertificationAttempt]) -> None:
    statuses = {attempt.status for attempt in attempts}
    if AttemptStatus.PASSED in statuses:
        raise InvalidInput(f"You have passed {certification.name} already.")
    if AttemptStatus.AWAITING_REVIEW in statuses:
        raise InvalidInput("Your talk-track is awaiting review; you will hear the outcome.")
    if AttemptStatus.STARTED not in statuses and len(attempts) >= certification.attempts:
        raise InvalidInput(f"You have no attempts left at {certification.name} in this window.")


def _recording(certification: Certification, url: str | None) -> str | None:
    if certification.talk_track is None:
        return None
    text = (url or "").strip()
    if not text.startswith(("https://", "http://")) or len(text) > 500 or " " in text:
        raise InvalidField(URL_FIELD, "Give the link to your recording (https://...).")
    return text


def _status(certification: Certification, correct: int, asked: int) -> AttemptStatus:
    if not passed_questions(correct, asked, certification.pass_percent):
        return AttemptStatus.FAILED
    return (AttemptStatus.AWAITING_REVIEW if certification.talk_track is not None
            else AttemptStatus.PASSED)
