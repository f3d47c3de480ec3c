"""The rep's plan modal (goal, obstacles, coaching plan, "I agree"), the manager's "Ask to revise"
modal, and a plan shown read only; and reading submissions back."""

from __future__ import annotations

import json
from typing import Any

from bot.blocks.metadata import read_int, read_metadata
from bot.blocks.plans.messages import contract_blocks
from bot.blocks.plans.summary import plan_blocks
from bot.blocks.text import Block, context, escape, plain, section
from bot.domain.coaching.vocabulary import DIMENSION_LABELS
from bot.domain.plans.form import (
    AGREED,
    GOAL_LIMIT,
    OBSTACLE_FIELDS,
    OBSTACLE_LIMIT,
    PLAN_LIMIT,
    REASON_LIMIT,
)
from bot.ids import CallbackId, PlanField
from db.models import RepPlan


def build_plan_modal(
    program_id: int, program_name: str, contract: str, prior: RepPlan | None
) -> dict[str, Any]:
    """The plan modal, prefilled from the rep's latest version; a locked one is changed by
    signing a new version."""
    note = "Submitting signs your plan; your manager then co-signs it."
    if prior is not None and prior.locked:
        note = (f"Version {prior.version} is signed by you both; saving a change makes "
                f"version {prior.version + 1}, which you both sign again.")
    obstacles = [*(prior.obstacles if prior else []), "", "", ""]
    blocks = [
        section(f"*{escape(program_name)}: your plan for the next 30 days*"), context(note),
        _text(PlanField.GOAL, "Q1 goal (a number and its unit: \"$450k closed\")",
              prior.goal if prior else None, GOAL_LIMIT),
        *[_text(field, f"Obstacle {n}", obstacles[n - 1] or None, OBSTACLE_LIMIT,
                optional=n > 1) for n, field in enumerate(OBSTACLE_FIELDS, 1)],
        _focus(prior.focus if prior else None),
        _text(PlanField.COACHING_PLAN, "Coaching plan with your manager",
              prior.coaching_plan if prior else None, PLAN_LIMIT, multiline=True),
        *contract_blocks(contract),
        _agree(),
    ]
    return {
        "type": "modal", "callback_id": CallbackId.PLAN_FORM.value, "title": plain("My plan"),
        "submit": plain("Sign"), "close": plain("Cancel"),
        "private_metadata": json.dumps({"program": program_id}), "blocks": blocks,
    }


def read_plan_form(view: dict[str, Any]) -> tuple[int, dict[PlanField, str | None]]:
    """The program and the raw values of a submitted plan modal."""
    program_id = read_int(read_metadata(view.get("private_metadata"), "program")["program"])
    return program_id, _values(view)


def build_revise_modal(plan: RepPlan) -> dict[str, Any]:
    """The manager's "Ask to revise": the reason the rep will see."""
    return {
        "type": "modal", "callback_id": CallbackId.PLAN_REVISE.value,
        "title": plain("Ask to revise"), "submit": plain("Send"), "close": plain("Cancel"),
        "private_metadata": json.dumps({"plan": plan.id, "revision": plan.revision}),
        "blocks": [
            section(f"What should *{escape(plan.rep.name)}* change? They see your words."),
            _text(PlanField.REVISE_REASON, "What to change", None, REASON_LIMIT,
                  multiline=True),
        ],
    }


def read_revise_form(view: dict[str, Any]) -> tuple[int, int, str | None]:
    """The plan, its revision and the reason of a submitted "Ask to revise" modal."""
    data = read_metadata(view.get("private_metadata"), "plan", "revision")
    return read_int(data["plan"]), read_int(data["revision"]), _values(view).get(
        PlanField.REVISE_REASON)


def build_plan_view(plan: RepPlan, tz: str) -> dict[str, Any]:
    """One plan, read only."""
    return {"type": "modal", "title": plain("Plan"), "close": plain("Close"),
            "blocks": [section(f"*{escape(plan.rep.name)}'s plan*"), *plan_blocks(plan, tz)]}


def _values(view: dict[str, Any]) -> dict[PlanField, str | None]:
    known = {field.value for field in PlanField}
    values: dict[PlanField, str | None] = {}
    for block_id, inputs in view.get("state", {}).get("values", {}).items():
        for payload in inputs.values():
            if block_id in known:
                values[PlanField(block_id)] = _value_of(payload)
    return values


def _value_of(payload: dict[str, Any]) -> str | None:
    chosen = payload.get("selected_option") or next(iter(payload.get("selected_options") or []),
                                                    None)
    if chosen:
        return str(chosen.get("value"))
    value = payload.get("value")
    return None if value is None else str(value)


def _text(field: PlanField, label: str, initial: str | None, limit: int, *,
          optional: bool = False, multiline: bool = False) -> Block:
    element: dict[str, Any] = {"type": "plain_text_input", "action_id": field.value,
                               "max_length": limit, "multiline": multiline}
    if initial:
        element["initial_value"] = initial
    return {"type": "input", "block_id": field.value, "label": plain(label),
            "optional": optional, "element": element}


def _focus(initial: str | None) -> Block:
    options = [{"text": plain(label), "value": key} for key, label in DIMENSION_LABELS.items()]
    element: dict[str, Any] = {"type": "static_select", "action_id": PlanField.FOCUS.value,
                               "placeholder": plain("Choose"), "options": options}
    if initial in DIMENSION_LABELS:
        element["initial_option"] = next(o for o in options if o["value"] == initial)
    return {"type": "input", "block_id": PlanField.FOCUS.value,
            "label": plain("Rubric skill to work on first"), "element": element}


def _agree() -> Block:
    option = {"text": plain("I agree to the contract"), "value": AGREED}
    return {"type": "input", "block_id": PlanField.AGREE.value, "label": plain("Sign"),
            "element": {"type": "checkboxes", "action_id": PlanField.AGREE.value,
                        "options": [option]}}
