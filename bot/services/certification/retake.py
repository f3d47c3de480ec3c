"""Back into the cycle: a rep who fails their last attempt (or whose SpotCheck says "needs
help") gets a retake window, and their manager is told."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.domain.local_time import local_date
from bot.services.certification.review_notice import queue_retake_notice
from db.models import (
    Certification,
    CertificationRetake,
    CertificationStage,
    Membership,
    Person,
    Program,
)

RETAKE_DAYS = 7  # the retake is due a week after it opens


def open_retake(*, session: Session, certification: Certification, program: Program,
                rep: Person, now: datetime) -> CertificationRetake:
    """The rep's next round, from their tomorrow, and their manager's DM."""
    round_ = (session.scalar(select(func.max(CertificationRetake.round)).where(
        CertificationRetake.certification_id == certification.id,
        CertificationRetake.person_id == rep.id)) or 0) + 1
    opens_on = local_date(now, rep.timezone) + timedelta(days=1)
    retake = CertificationRetake(program_id=program.id, certification_id=certification.id,
                                 person_id=rep.id,
                                 round=round_, opens_on=opens_on,
                                 due_on=opens_on + timedelta(days=RETAKE_DAYS), created_at=now)
    session.add(retake)
    session.flush()
    manager_id = session.scalar(select(Membership.manager_id).where(
        Membership.program_id == program.id, Membership.person_id == rep.id))
    manager = session.get(Person, manager_id) if manager_id is not None else None
    if manager is not None:
        queue_retake_notice(session=session, certification=certification, program=program,
                            rep=rep, manager=manager, round_=round_, opens_on=retake.opens_on,
                            due_on=retake.due_on, now=now)
    return retake


def post_event_of(session: Session, program_id: int) -> Certification | None:
    """The program's latest post-event certification (a SpotCheck's "needs help" retakes it)."""
    return session.scalar(select(Certification).where(
        Certification.program_id == program_id,
        Certification.stage == CertificationStage.POST_EVENT)
        .order_by(Certification.id.desc()).limit(1))
