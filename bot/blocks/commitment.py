"""The manager's commitment: the DM at the event's close, the modal (the program's cadence
pre-ticked, sessions may be added, one metric) and what is shown back once saved."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.blocks.metadata import read_int, read_metadata
from bot.blocks.standup import actions, button
from bot.blocks.text import Block, context, escape, plain, section
from bot.domain.commitments import (
    CADENCE_PHRASES,
    CadenceWeeks,
    CommitmentForm,
    cadence_field,
    weeks_text,
)
from bot.ids import ActionId, CallbackId, CommitmentField
from db.models import CadenceType


@dataclass(frozen=True)
class CommitmentRef:
    """What the modal carries: the program, and the manager it was opened for (both checked
    against the database and the submitter when it comes back)."""

    program_id: int
    manager_slack_id: str

    def dump(self) -> str:
        """The private_metadata string."""
        return json.dumps({"program": self.program_id, "manager": self.manager_slack_id})

    @classmethod
    def load(cls, raw: object) -> CommitmentRef:
        """Read private_metadata back (a malformed one raises InvalidInput)."""
        data = read_metadata(raw, "program", "manager")
        return cls(read_int(data["program"]), str(data["manager"]))


def build_commitment_prompt(program_name: str, program_id: int) -> list[Block]:
    """The DM: the source's sentence to complete, and the button opening the modal."""
    return [
        section(f"*{escape(program_name)} closes with your commitment.* Write down the coaching "
                "you will run and the one behaviour you will track: \"I will run [cadence] and "
                "track [metric] for the next 30 days.\""),
        actions(button("Write my commitment", ActionId.COMMITMENT_OPEN, str(program_id),
                       primary=True)),
    ]


def commitment_prompt_fallback(program_name: str) -> str:
    """The notification text of the DM."""
    return f"{program_name}: write your 30-day coaching commitment"


def build_commitment_modal(form: CommitmentForm) -> dict[str, Any]:
    """The modal: one checkbox list per cadence type (the program's weeks ticked; they stay),
    then the metric to track, chosen among the program's."""
    blocks: list[Block] = [
        section("*I will run* the program's coaching, plus any sessions I add:"),
        *(_weeks_input(cadence) for cadence in form.cadences),
        _metric_input(form),
        context("Added sessions come in your coaching digest like the program's and are "
                "reported apart, as committed vs done."),
    ]
    return {
        "type": "modal", "callback_id": CallbackId.COMMITMENT.value,
        "title": plain("My commitment"), "submit": plain("Commit"), "close": plain("Cancel"),
        "private_metadata": CommitmentRef(form.program.id, form.manager.slack_user_id).dump(),
        "blocks": blocks,
    }


def _week_option(week: int, program: Sequence[int]) -> Block:
    label = f"Week {week}" + (" (program)" if week in program else "")
    return {"text": plain(label), "value": str(week)}


def _weeks_input(cadence: CadenceWeeks) -> Block:
    field = cadence_field(cadence.cadence)
    options = [_week_option(week, cadence.program) for week in cadence.offered]
    element: Block = {"type": "checkboxes", "action_id": field.value, "options": options}
    chosen = [o for o in options if int(o["value"]) in cadence.chosen]
    if chosen:
        element["initial_options"] = chosen
    label = f"{CADENCE_PHRASES[cadence.cadence]} (program: {weeks_text(cadence.program)})"
    return {"type": "input", "block_id": field.value, "label": plain(label),
            "optional": not cadence.program, "element": element}


def _metric_input(form: CommitmentForm) -> Block:
    options = [{"text": plain(name[:75]), "value": key} for key, name in form.metrics]
    element: Block = {"type": "static_select", "action_id": CommitmentField.METRIC.value,
                      "placeholder": plain("Choose a metric"), "options": options}
    initial = next((o for o in options if o["value"] == form.metric), None)
    if initial is not None:
        element["initial_option"] = initial
    return {"type": "input", "block_id": CommitmentField.METRIC.value,
            "label": plain("...and track this behaviour metric"), "element": element}


def read_commitment_view(
    view: dict[str, Any],
) -> tuple[CommitmentRef, dict[CadenceType, list[str]], str | None]:
    """The ref, the weeks ticked per cadence type and the metric chosen, as submitted."""
    ref = CommitmentRef.load(view.get("private_metadata") or "")
    values = view.get("state", {}).get("values", {})
    weeks = {cadence: [str(option.get("value")) for option in
                       _state(values, cadence_field(cadence)).get("selected_options") or []]
             for cadence in CadenceType}
    metric = (_state(values, CommitmentField.METRIC).get("selected_option") or {}).get("value")
    return ref, weeks, None if metric is None else str(metric)


def _state(values: dict[str, Any], field: CommitmentField) -> dict[str, Any]:
    """What one input (block and action id `field`) sent back, or nothing."""
    state: dict[str, Any] = (values.get(field) or {}).get(field) or {}
    return state


def build_commitment_saved_view(form: CommitmentForm) -> dict[str, Any]:
    """What the manager sees once it is saved: their commitment, in their words."""
    return {
        "type": "modal", "title": plain("My commitment"), "close": plain("Close"),
        "blocks": [section(f"*Saved.* {escape(form.sentence())}"),
                   context("It is in your App Home; the sessions you added come in your "
                           "coaching digest.")],
    }


def commitment_home_blocks(form: CommitmentForm | None, program_id: int) -> list[Block]:
    """The App Home lines of a manager: their commitment, or the button to write it."""
    if form is None or form.revision == 0:
        return [section("*My commitment:* not written yet."),
                actions(button("Write my commitment", ActionId.COMMITMENT_OPEN, str(program_id)))]
    return [section(f"*My commitment:* {escape(form.sentence())}"),
            actions(button("Change it", ActionId.COMMITMENT_OPEN, str(program_id)))]
