"""The certification figures beyond the people themselves: per stage, how many of the assigned
reps had passed by an instant, overall and per manager's team under the smallest-group rule,
and the reviews pending; for the Monday audit, the read-out and the SpotCheck read-out."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.certification.figures import CertificationFigures, Share, StageFigures
from bot.domain.group_size import OTHER_TEAMS, fold_groups, smallest_group
from bot.services.certification.pending import pending_reviews
from bot.services.certification.standing import assigned
from bot.services.names import names_by_id
from db.models import (
    AttemptStatus,
    Certification,
    CertificationAttempt,
    CertificationReview,
    CertificationStage,
    Person,
    Program,
)


def passed_by(session: Session, certification_ids: list[int], until: datetime) -> set[int]:
    """Who had passed one of these certifications by `until` (a talk-track: once reviewed)."""
    rows = session.execute(
        select(CertificationAttempt.person_id, CertificationAttempt.submitted_at,
               CertificationReview.reviewed_at)
        .outerjoin(CertificationReview,
                   CertificationReview.attempt_id == CertificationAttempt.id)
        .where(CertificationAttempt.certification_id.in_(certification_ids),
               CertificationAttempt.status == AttemptStatus.PASSED))
    return {person_id for person_id, submitted, reviewed in rows
            if (settled := reviewed or submitted) is not None and settled <= until}


def certification_figures(*, session: Session, program: Program,
                          at: datetime) -> CertificationFigures | None:
    """The figures as they stood at `at` (None: the program has no certification)."""
    by_stage: dict[CertificationStage, list[int]] = {}
    for certification in session.scalars(select(Certification).where(
            Certification.program_id == program.id,
            Certification.stage != CertificationStage.SPOTCHECK, Certification.created_at <= at)):
        by_stage.setdefault(certification.stage, []).append(certification.id)
    if not by_stage:
        return None
    reps = assigned(session, program)
    teams: dict[int | None, list[int]] = {}
    for member in reps:
        teams.setdefault(member.manager_id, []).append(member.person_id)
    # in the order they happen: pre-event, then post-event
    stages = tuple(_stage(session, program, stage, by_stage[stage], teams, at)
                   for stage in CertificationStage if stage in by_stage)
    pending = pending_reviews(session, program, at)
    waiting = [review for reviews in pending.values() for review in reviews]
    overdue = {reviewer: late for reviewer, reviews in pending.items()
               if (late := sum(review.overdue for review in reviews))}
    return CertificationFigures(stages, len(waiting), _by_name(session, overdue))


def _by_name(session: Session, counts: dict[int, int]) -> tuple[tuple[str, int], ...]:
    """Each person's count under their name, by name."""
    names = names_by_id(session, counts)
    return tuple(sorted((name, counts[person_id]) for person_id, name in names.items()))


def _stage(session: Session, program: Program, stage: CertificationStage, ids: list[int],
           teams: dict[int | None, list[int]], at: datetime) -> StageFigures:
    passed = passed_by(session, ids, at)
    sizes = {manager: len(people) for manager, people in teams.items()}
    shown = fold_groups(sizes, smallest=smallest_group(program.smallest_group), overall=True)

    def share(label: str, keys: tuple[int | None, ...]) -> Share:
        people = [person for key in keys for person in teams[key]]
        return Share(label, sum(person in passed for person in people), len(people))

    named = [share(_team(session, manager), (manager,)) for manager in shown.groups]
    other = [share(OTHER_TEAMS, shown.other)] if shown.other else []
    overall = share("overall", tuple(teams)) if shown.overall else None
    return StageFigures(stage, overall, tuple(named + other))


def _team(session: Session, manager_id: int | None) -> str:
    manager = session.get(Person, manager_id) if manager_id is not None else None
    return f"{manager.name}'s team" if manager is not None else "no manager"
