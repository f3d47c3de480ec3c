"""Where each assigned person stands in a certification: not started / submitted / awaiting
review / passed / failed, attempts left, best score; for the App Home, the CLI and the figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.certification.scoring import percent
from bot.services.certification.windows import Window, latest_opened, windows_from
from db.models import (
    AttemptStatus,
    Certification,
    CertificationAttempt,
    CertificationRetake,
    Membership,
    Person,
    Program,
    Role,
)

STATUS_WORDS = {
    AttemptStatus.STARTED: "not started",  # the modal was opened, nothing submitted
    AttemptStatus.AWAITING_REVIEW: "awaiting review",
    AttemptStatus.PASSED: "passed",
    AttemptStatus.FAILED: "failed",
}


@dataclass(frozen=True)
class Standing:
    """One person's standing in one certification (their current round)."""

    person: Person
    manager_id: int | None
    status: str
    attempts_left: int
    best_percent: int | None
    window: Window  # the current one
    windows: list[Window]  # every one, round by round
    attempts: list[CertificationAttempt]  # every one, in order

    def in_round(self, round_: int) -> list[CertificationAttempt]:
        """The attempts of one round."""
        return [attempt for attempt in self.attempts if attempt.round == round_]

    @property
    def passed(self) -> bool:
        """Whether they passed (in any round)."""
        return self.status == "passed"


def assigned(session: Session, program: Program) -> list[Membership]:
    """The program's active reps: who takes its certifications."""
    members = session.scalars(select(Membership).where(
        Membership.program_id == program.id, Membership.active.is_(True))
        .order_by(Membership.id))
    return [m for m in members if Role.REP in m.roles]


def standings(session: Session, certification: Certification, program: Program,
              now: datetime) -> list[Standing]:
    """Every assigned rep's standing, in roster order (a few queries, whatever the size)."""
    attempts: dict[int, list[CertificationAttempt]] = {}
    for attempt in session.scalars(select(CertificationAttempt).where(
            CertificationAttempt.certification_id == certification.id)
            .order_by(CertificationAttempt.round, CertificationAttempt.number)):
        attempts.setdefault(attempt.person_id, []).append(attempt)
    retakes: dict[int, list[CertificationRetake]] = {}
    for retake in session.scalars(select(CertificationRetake).where(
            CertificationRetake.certification_id == certification.id)
            .order_by(CertificationRetake.round)):
        retakes.setdefault(retake.person_id, []).append(retake)
    return [_standing(certification, m, windows_from(certification, program, m.person,
                                                     retakes.get(m.person_id, [])),
                      attempts.get(m.person_id, []), now)
            for m in assigned(session, program)]


def _standing(certification: Certification, member: Membership, windows: list[Window],
              attempts: list[CertificationAttempt], now: datetime) -> Standing:
    window = latest_opened(windows, now)
    submitted = [a for a in attempts if a.status is not AttemptStatus.STARTED]
    in_round = [a for a in submitted if a.round == window.round]
    if any(a.status is AttemptStatus.PASSED for a in submitted):
        status = "passed"
    elif in_round:
        status = STATUS_WORDS[in_round[-1].status]
    else:
        status = "not started"
    scores = [percent(a.correct or 0, len(a.drawn)) for a in submitted if a.drawn]
    return Standing(member.person, member.manager_id, status,
                    max(certification.attempts - len(in_round), 0),
                    max(scores) if scores else None, window, windows, attempts)
