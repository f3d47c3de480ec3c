"""Per person status and scores of a program's certifications, for
`kickoff-bot certifications PROGRAM [--json|--csv]` (written by the shared export writer)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.services.certification.standing import standings
from db.models import (
    Certification,
    CertificationAttempt,
    CertificationReview,
    Person,
    Program,
)

COLUMNS = ("certification", "stage", "person", "slack_id", "manager", "status",
           "attempts_left", "best_percent", "talk_track_average", "due_on")


def certification_rows(*, session: Session, program: Program,
                       now: datetime) -> list[dict[str, object]]:
    """One row per certification and assigned rep, in roster order."""
    rows: list[dict[str, object]] = []
    for certification in session.scalars(select(Certification).where(
            Certification.program_id == program.id).order_by(Certification.id)):
        averages = _talk_track_averages(session, certification)
        for row in standings(session, certification, program, now):
            manager = session.get(Person, row.manager_id) if row.manager_id else None
            rows.append({
                "certification": certification.name, "stage": certification.stage.value,
                "person": row.person.name, "slack_id": row.person.slack_user_id,
                "manager": manager.name if manager else None, "status": row.status,
                "attempts_left": row.attempts_left, "best_percent": row.best_percent,
                "talk_track_average": averages.get(row.person.id),
                "due_on": row.window.due_on.isoformat(),
            })
    return rows


def _talk_track_averages(session: Session, certification: Certification) -> dict[int, float]:
    """Each rep's latest reviewed talk-track average (rounded to one decimal)."""
    found: dict[int, float] = {}
    for person_id, scores in session.execute(
            select(CertificationAttempt.person_id, CertificationReview.scores)
            .join(CertificationReview, CertificationReview.attempt_id == CertificationAttempt.id)
            .where(CertificationAttempt.certification_id == certification.id)
            .order_by(CertificationReview.reviewed_at)):
        if scores:
            found[person_id] = round(sum(scores.values()) / len(scores), 1)
    return found
