"""The certifications section's data for one viewer, per program they are in."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.certification.home import (
    CertificationHome,
    CertificationProgress,
    OwnCertification,
)
from bot.domain.group_size import may_show, smallest_group
from bot.domain.home import Viewer
from bot.services.certification.pending import pending_reviews
from bot.services.certification.standing import Standing, standings
from db.models import (
    Certification,
    CertificationAttempt,
    CertificationReview,
    Membership,
    ProgramStatus,
    Role,
)

RUNNING = frozenset({ProgramStatus.ACTIVE, ProgramStatus.PAUSED})
ORGANISERS = frozenset({Role.ENABLEMENT, Role.ADMIN})


def certification_home(*, session: Session, viewer: Viewer,
                       now: datetime) -> Iterator[CertificationHome]:
    """A part for each running program with something for the viewer (or enablement's)."""
    for member in viewer.memberships:
        if member.program.status not in RUNNING and not (
                member.roles & ORGANISERS and member.program.status is ProgramStatus.DRAFT):
            continue
        part = _part(session, member, now)
        if part.own or part.reviews or part.creates:
            yield part


def _part(session: Session, member: Membership, now: datetime) -> CertificationHome:
    program = member.program
    certifications = list(session.scalars(select(Certification).where(
        Certification.program_id == program.id).order_by(Certification.id)))
    rows = {c.id: standings(session, c, program, now) for c in certifications}
    own = []
    if Role.REP in member.roles:
        for certification in certifications:
            mine = next((r for r in rows[certification.id]
                         if r.person.id == member.person_id), None)
            if mine is not None:
                own.append(_own(session, certification, mine, now))
    waiting = pending_reviews(session, program, now)
    organiser = bool(member.roles & ORGANISERS)
    smallest = smallest_group(program.smallest_group)
    progress = tuple(CertificationProgress(
        c.id, c.name, c.stage,
        sum(r.passed for r in rows[c.id]) if may_show(len(rows[c.id]), smallest=smallest)
        else None, len(rows[c.id]),
        sum(1 for reviews in waiting.values() for p in reviews if p.name == c.name))
        for c in certifications) if organiser else ()
    return CertificationHome(program=program.name, own=tuple(own),
                             reviews=tuple(waiting.get(member.person_id, ())),
                             progress=progress, creates=organiser)


def _own(session: Session, certification: Certification, row: Standing,
         now: datetime) -> OwnCertification:
    feedback = session.scalar(
        select(CertificationReview.feedback)
        .join(CertificationAttempt, CertificationAttempt.id == CertificationReview.attempt_id)
        .where(CertificationAttempt.certification_id == certification.id,
               CertificationAttempt.person_id == row.person.id)
        .order_by(CertificationReview.reviewed_at.desc()).limit(1))
    return OwnCertification(
        certification.id, certification.name, row.status, row.attempts_left,
        row.window.due_on, open=row.window.holds(now) and row.status in ("not started", "failed")
        and row.attempts_left > 0, feedback=feedback or None)
