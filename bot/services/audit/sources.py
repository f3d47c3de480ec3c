"""Small queries the audit needs that the other features do not offer, one SELECT each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from bot.domain.audit.numbers import Enps
from bot.services.surveys.results import results_of
from db.models import Person, StandupAnswer, Survey, SurveyOutcome, SurveyTemplate


@dataclass(frozen=True)
class BlockerTotals:
    """Week-1 blockers raised, and how many of them were resolved."""

    raised: int
    resolved: int

    @property
    def open(self) -> int:
        """Raised and not resolved yet."""
        return self.raised - self.resolved


@dataclass(frozen=True)
class RaisedBlocker:
    """A standup blocker nobody has resolved: the manager it went to, and its standup day."""

    manager_id: int | None
    manager_name: str | None
    raised_on: date


def open_blockers(*, session: Session, program_id: int) -> list[RaisedBlocker]:
    """The program's open standup blockers with their manager's name, oldest first."""
    manager = aliased(Person)
    rows = session.execute(
        select(StandupAnswer.manager_id, manager.name, StandupAnswer.local_date)
        .outerjoin(manager, manager.id == StandupAnswer.manager_id)
        .where(StandupAnswer.program_id == program_id, StandupAnswer.blocker.is_not(None),
               StandupAnswer.blocker_resolved_at.is_(None))
        .order_by(StandupAnswer.local_date, StandupAnswer.id)
    )
    return [RaisedBlocker(manager_id, name, raised_on) for manager_id, name, raised_on in rows]


def latest_enps(*, session: Session, program_id: int, now: datetime) -> Enps | None:
    """The eNPS of the program's latest eNPS survey closed by `now` that met its minimum."""
    survey = session.scalars(
        select(Survey)
        .where(Survey.program_id == program_id, Survey.outcome == SurveyOutcome.PUBLISHED,
               Survey.closed_at <= now, Survey.template == SurveyTemplate.ENPS)
        .order_by(Survey.closed_at.desc(), Survey.id.desc())
        .limit(1)
    ).first()
    if survey is None or survey.closed_at is None:
        return None
    results = results_of(session=session, survey=survey)
    if results is None:
        return None
    return Enps(score=results.enps, responses=results.responses, title=survey.title,
                closed_on=survey.closed_at.date())


def blocker_totals(*, session: Session, program_id: int) -> BlockerTotals:
    """How many standup blockers were raised in the program, and how many were resolved."""
    raised, resolved = session.execute(
        select(func.count(StandupAnswer.id), func.count(StandupAnswer.blocker_resolved_at))
        .where(StandupAnswer.program_id == program_id, StandupAnswer.blocker.is_not(None))
    ).one()
    return BlockerTotals(raised=int(raised), resolved=int(resolved))
