"""A rep's plan carried into later touchpoints: the goal in each standup prompt, the plan in the
manager's log forms and in the rep's App Home."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from db.models import RepPlan


def goals_of(*, session: Session, program_id: int) -> dict[int, str]:
    """Each rep's current Q1 goal in the program, by person id (one query)."""
    query = select(RepPlan.rep_id, RepPlan.goal).where(
        RepPlan.program_id == program_id, RepPlan.replaced_at.is_(None))
    return {row.rep_id: row.goal for row in session.execute(query)}


def plan_of(*, session: Session, program_id: int, rep_id: int) -> RepPlan | None:
    """The rep's current plan in the program, with the people it names (for showing it to the
    rep or their manager, who may both see it)."""
    query = (
        select(RepPlan).where(RepPlan.program_id == program_id, RepPlan.rep_id == rep_id,
                              RepPlan.replaced_at.is_(None))
        .options(joinedload(RepPlan.rep), joinedload(RepPlan.manager))
    )
    return session.scalars(query).first()
