"""The decision modal opened from the read-out: intervention (or a custom line), keep / change /
kill, owner, one line of reason, confounds present."""

from __future__ import annotations

import json
from typing import Any

from bot.blocks.metadata import read_int, read_metadata
from bot.blocks.text import Block, escape, plain, section
from bot.domain.ledger.decisions import (
    CONFOUND_NAMES,
    CUSTOM_MAX,
    INTERVENTION_NAMES,
    REASON_MAX,
    Verdict,
)
from bot.ids import ActionId, CallbackId, DecisionField

View = dict[str, Any]
State = dict[str, dict[str, dict[str, Any]]]


def _option(label: str, value: str) -> dict[str, Any]:
    return {"text": plain(label), "value": value}


def _input(field: DecisionField, label: str, element: dict[str, Any], *,
           optional: bool = False) -> Block:
    return {"type": "input", "block_id": field, "label": plain(label), "optional": optional,
            "element": element | {"action_id": ActionId.DECISION_INPUT}}


def build_decision_modal(program_id: int, program_name: str) -> View:
    """The modal; recording a decision already made (within 14 days) edits it."""
    return {
        "type": "modal", "callback_id": CallbackId.DECISION, "title": plain("Record a decision"),
        "submit": plain("Record"), "close": plain("Cancel"),
        "private_metadata": json.dumps({"program": program_id}),
        "blocks": [
            section(f"A decision on *{escape(program_name)}*, posted in the read-out's thread. "
                    "Recording the same intervention again within 14 days edits it."),
            _input(DecisionField.INTERVENTION, "Intervention", {
                "type": "static_select",
                "options": [_option(name, key) for key, name in INTERVENTION_NAMES.items()],
            }, optional=True),
            _input(DecisionField.CUSTOM, "…or a custom line", {
                "type": "plain_text_input", "max_length": CUSTOM_MAX}, optional=True),
            _input(DecisionField.VERDICT, "Decision", {
                "type": "radio_buttons",
                "options": [_option(verdict.value.capitalize(), verdict) for verdict in Verdict],
            }),
            _input(DecisionField.OWNER, "Owner (a person in the program)",
                   {"type": "users_select"}),
            _input(DecisionField.REASON, "Reason, one line", {
                "type": "plain_text_input", "max_length": REASON_MAX}),
            _input(DecisionField.CONFOUNDS, "Confounds present", {
                "type": "checkboxes",
                "options": [_option(name, key) for key, name in CONFOUND_NAMES.items()],
            }, optional=True),
        ],
    }


def read_decision_program(view: View) -> int:
    """The program id the modal was opened for (checked again by the service)."""
    return read_int(read_metadata(view.get("private_metadata"), "program")["program"])


def decision_inputs(state: State) -> dict[str, Any]:
    """The inputs as plain values: the option picked, the text typed, the user, the boxes."""

    def element(field: DecisionField) -> dict[str, Any]:
        return state.get(field, {}).get(ActionId.DECISION_INPUT) or {}

    def picked(field: DecisionField) -> str | None:
        return (element(field).get("selected_option") or {}).get("value")

    return {
        "intervention": picked(DecisionField.INTERVENTION),
        "custom": element(DecisionField.CUSTOM).get("value"),
        "verdict": picked(DecisionField.VERDICT),
        "owner": element(DecisionField.OWNER).get("selected_user"),
        "reason": element(DecisionField.REASON).get("value"),
        "confounds": tuple(str(option.get("value")) for option in
                           element(DecisionField.CONFOUNDS).get("selected_options") or ()),
    }
