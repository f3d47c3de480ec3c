"""The rep's plan form: its inputs, their limits, and the checks a submission must pass.

A Q1 goal is a number with its unit ("$450k closed", "60 meetings"): a team goal or a wish
("do better") cannot be measured at day 30.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from bot.ids import PlanField
from db.models.coaching import RUBRIC_DIMENSIONS

GOAL_LIMIT = 120
OBSTACLE_LIMIT = 200
PLAN_LIMIT = 1500
REASON_LIMIT = 500
OBSTACLE_FIELDS = (PlanField.OBSTACLE_1, PlanField.OBSTACLE_2, PlanField.OBSTACLE_3)
AGREED = "agree"  # the value of the "I agree to the contract" checkbox
_NUMBER = re.compile(r"\d")
_UNIT = re.compile(r"[^\d\s.,]")


@dataclass(frozen=True)
class PlanText:
    """A plan as the rep wrote it, checked."""

    goal: str
    obstacles: tuple[str, ...]
    focus: str
    coaching_plan: str


def read_plan(values: Mapping[PlanField, str | None]) -> PlanText | dict[str, str]:
    """The plan in the submitted `values`, or an error per input (by block id)."""
    errors: dict[str, str] = {}
    goal = _text(values, PlanField.GOAL)
    if not goal:
        errors[PlanField.GOAL] = "Write your Q1 goal, e.g. \"$450k closed\" or \"60 meetings\"."
    elif not (_NUMBER.search(goal) and _UNIT.search(goal)):
        errors[PlanField.GOAL] = "Give a number with its unit, e.g. \"$450k closed\"."
    obstacles = tuple(text for text in (_text(values, f) for f in OBSTACLE_FIELDS) if text)
    if not obstacles:
        errors[PlanField.OBSTACLE_1] = "Name at least one obstacle."
    focus = _text(values, PlanField.FOCUS)
    if focus not in RUBRIC_DIMENSIONS:
        errors[PlanField.FOCUS] = "Choose the skill to work on first."
    plan = _text(values, PlanField.COACHING_PLAN)
    if not plan:
        errors[PlanField.COACHING_PLAN] = "Write how you and your manager will work on it."
    if values.get(PlanField.AGREE) != AGREED:
        errors[PlanField.AGREE] = "Tick this to sign: it is what your manager co-signs."
    errors |= _too_long(values)
    if errors:
        return errors
    return PlanText(goal=goal, obstacles=obstacles, focus=focus, coaching_plan=plan)


def _text(values: Mapping[PlanField, str | None], field: PlanField) -> str:
    return (values.get(field) or "").strip()


def _too_long(values: Mapping[PlanField, str | None]) -> dict[str, str]:
    """Slack enforces max_length, but a forged submission does not."""
    limits = {PlanField.GOAL: GOAL_LIMIT, PlanField.COACHING_PLAN: PLAN_LIMIT}
    limits |= dict.fromkeys(OBSTACLE_FIELDS, OBSTACLE_LIMIT)
    return {field.value: f"Keep it to {limit} characters (this is {len(_text(values, field))})."
            for field, limit in limits.items() if len(_text(values, field)) > limit}
