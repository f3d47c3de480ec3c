"""Signing a plan: the rep's submission signs it, their manager co-signs or asks to revise it.

Before the co-signature the rep's edits change the same version (its revision goes up, so an
older "Co-sign" button no longer works); once both have signed the version is locked, and a
change is a new version both sign again, the old one kept as history.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from bot.domain.plans.form import REASON_LIMIT, PlanText, read_plan
from bot.ids import PlanField
from bot.services.actor import Actor
from bot.services.plans.access import current_plan, plan_to_sign, rep_membership
from bot.services.plans.notices import queue_review, queue_revise_notice
from db.models import Membership, RepPlan


@dataclass(frozen=True)
class PlanResult:
    """The plan signed or returned; or the errors to show in the modal."""

    plan: RepPlan | None = None
    errors: dict[str, str] = field(default_factory=dict)


def submit_plan(
    *, session: Session, program_id: int, actor: Actor,
    values: Mapping[PlanField, str | None], now: datetime,
) -> PlanResult:
    """The rep signs what they wrote; their manager is sent it to co-sign."""
    member = rep_membership(session=session, program_id=program_id, actor=actor)
    text = read_plan(values)
    if not isinstance(text, PlanText):
        return PlanResult(errors=text)
    plan = _version_to_write(session, member, now)
    plan.goal, plan.obstacles = text.goal, list(text.obstacles)
    plan.focus, plan.coaching_plan = text.focus, text.coaching_plan
    plan.rep_signed_at, plan.manager_signed_at = now, None
    plan.revise_reason = plan.revise_asked_at = None
    session.flush()
    queue_review(session=session, plan=plan, now=now)
    return PlanResult(plan=plan)


def _version_to_write(session: Session, member: Membership, now: datetime) -> RepPlan:
    """The unsigned version to edit, or a new one (the first, or after a locked one)."""
    assert member.manager_id is not None  # rep_membership refuses reps without a manager
    latest = current_plan(session=session, program=member.program, rep_id=member.person_id)
    if latest is not None and not latest.locked:
        latest.revision += 1
        latest.manager_id = member.manager_id
        return latest
    if latest is not None:
        latest.replaced_at = now
    plan = RepPlan(program_id=member.program_id, rep_id=member.person_id,
                   manager_id=member.manager_id, revision=1,
                   version=1 if latest is None else latest.version + 1)
    session.add(plan)
    return plan


def cosign_plan(
    *, session: Session, plan_id: int, revision: int, actor: Actor, now: datetime
) -> RepPlan:
    """The manager co-signs: the version is locked."""
    plan = plan_to_sign(session=session, plan_id=plan_id, revision=revision, actor=actor)
    plan.manager_signed_at = now
    session.flush()
    return plan


def ask_to_revise(
    *, session: Session, plan_id: int, revision: int, actor: Actor, reason: str | None,
    now: datetime,
) -> PlanResult:
    """The manager returns the plan with a reason the rep is sent."""
    plan = plan_to_sign(session=session, plan_id=plan_id, revision=revision, actor=actor)
    reason = (reason or "").strip()
    if not reason or len(reason) > REASON_LIMIT:
        problem = (f"Keep it to {REASON_LIMIT} characters." if reason
                   else "Say what the rep should change.")
        return PlanResult(errors={PlanField.REVISE_REASON.value: problem})
    plan.revise_reason, plan.revise_asked_at = reason, now
    session.flush()
    queue_revise_notice(session=session, plan=plan, now=now)
    return PlanResult(plan=plan)
