"""`plans export`'s rows: one per rep, their current plan as signed (goal, obstacles, coaching
plan, both signature times, version), ready to import into a CRM as a custom object on the rep."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.domain.coaching.vocabulary import DIMENSION_LABELS
from bot.services.exports import Row
from bot.services.plans.roster import RepWithPlan, reps_with_plans
from db.models import Program

PLAN_COLUMNS = ("rep", "rep_slack_id", "rep_email", "manager", "state", "version", "goal",
                "obstacle_1", "obstacle_2", "obstacle_3", "focus", "coaching_plan",
                "rep_signed_at", "manager_signed_at")


def plan_rows(*, session: Session, program: Program) -> list[Row]:
    """Every rep with a manager, by name; a rep without a plan has empty plan cells."""
    return [_row(entry) for entry in reps_with_plans(session=session, program=program)]


def _row(entry: RepWithPlan) -> Row:
    row: Row = {"rep": entry.rep.name, "rep_slack_id": entry.rep.slack_user_id,
                "rep_email": entry.rep.email, "manager": entry.manager.name,
                "state": entry.state.value}
    plan = entry.plan
    if plan is None:
        return row
    obstacles = [*plan.obstacles, None, None, None]
    return row | {
        "version": plan.version, "goal": plan.goal, "obstacle_1": obstacles[0],
        "obstacle_2": obstacles[1], "obstacle_3": obstacles[2],
        "focus": DIMENSION_LABELS.get(plan.focus, plan.focus),
        "coaching_plan": plan.coaching_plan, "rep_signed_at": _iso(plan.rep_signed_at),
        "manager_signed_at": _iso(plan.manager_signed_at),
    }


def _iso(instant: datetime | None) -> str | None:
    return None if instant is None else instant.isoformat()
