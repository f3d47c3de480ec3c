"""The program's reps with their managers and current plans, in two queries: what the planner,
the audit's plan counts and the export read."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, lazyload

from db.models import Membership, MembershipRole, Person, Program, RepPlan, Role


class PlanState(StrEnum):
    """Where a rep's plan stands."""

    SIGNED_BY_BOTH = "signed by both"
    REP_ONLY = "signed by the rep only"
    MISSING = "missing"


@dataclass(frozen=True)
class RepWithPlan:
    """A rep, their manager, and their current plan (None: not written yet)."""

    rep: Person
    manager: Person
    plan: RepPlan | None

    @property
    def state(self) -> PlanState:
        """Where the rep's current plan stands."""
        plan = self.plan
        return plan_state(written=plan is not None,
                          revise_asked=plan is not None and plan.revise_asked_at is not None,
                          co_signed=plan is not None and plan.locked)


def plan_state(*, written: bool, revise_asked: bool, co_signed: bool) -> PlanState:
    """A plan returned to revise is the rep's to sign again: missing until they do (one rule
    for one rep and for the audit's counts grouped in the database)."""
    if not written or revise_asked:
        return PlanState.MISSING
    return PlanState.SIGNED_BY_BOTH if co_signed else PlanState.REP_ONLY


def reps_with_plans(*, session: Session, program: Program) -> list[RepWithPlan]:
    """Every active rep with a manager, by name."""
    members = session.scalars(
        select(Membership).join(Membership.person)
        .join(MembershipRole, MembershipRole.membership_id == Membership.id)
        .where(Membership.program_id == program.id, Membership.active.is_(True),
               Membership.manager_id.is_not(None), Person.active.is_(True),
               MembershipRole.role == Role.REP)
        # The role is filtered in the join: no per-500-members load of every grant.
        .options(joinedload(Membership.person), joinedload(Membership.manager),
                 lazyload(Membership.role_grants))
        .order_by(Person.name, Person.id)
    )
    plans = {plan.rep_id: plan for plan in session.scalars(
        select(RepPlan).where(RepPlan.program_id == program.id, RepPlan.replaced_at.is_(None))
        .options(joinedload(RepPlan.rep), joinedload(RepPlan.manager))
    )}
    return [RepWithPlan(m.person, m.manager, plans.get(m.person_id))
            for m in members if m.manager is not None]
