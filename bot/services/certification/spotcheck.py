"""The SpotCheck's read-out: of the reps assigned, how many their managers rated still
executing, against how many had been certified (post-event) by day 30."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.certification.figures import SpotCheckFigures
from bot.domain.group_size import may_show, smallest_group
from bot.domain.local_time import end_of_local_day
from bot.services.certification.figures import passed_by
from bot.services.certification.standing import assigned
from db.models import (
    Certification,
    CertificationAttempt,
    CertificationReview,
    CertificationStage,
    Program,
)

DAY_30 = timedelta(days=30)


def spotcheck_figures(*, session: Session, certification: Certification,
                      program: Program) -> SpotCheckFigures:
    """The read-out's counts (every rep assigned counted once)."""
    reps = {member.person_id for member in assigned(session, program)}
    ratings: dict[int, bool] = dict(session.execute(
        select(CertificationAttempt.person_id, CertificationReview.passed)
        .join(CertificationReview, CertificationReview.attempt_id == CertificationAttempt.id)
        .where(CertificationAttempt.certification_id == certification.id,
               CertificationAttempt.round == 0)).all())
    post_event = list(session.scalars(select(Certification.id).where(
        Certification.program_id == program.id,
        Certification.stage == CertificationStage.POST_EVENT)))
    day_30 = end_of_local_day(program.kickoff_date + DAY_30, program.timezone)
    certified = passed_by(session, post_event, day_30) & reps
    return SpotCheckFigures(
        assigned=len(reps),
        still_executing=sum(1 for person, passed in ratings.items() if person in reps and passed),
        needs_help=sum(1 for person, passed in ratings.items()
                       if person in reps and not passed),
        certified_by_day_30=len(certified),
        shown=may_show(len(reps), smallest=smallest_group(program.smallest_group)))
