"""The App Home's "Copy" of a program: the new draft's name and kickoff date."""

from __future__ import annotations

import json
from typing import Any

from bot.blocks.metadata import read_int, read_metadata
from bot.blocks.text import escape, plain, section
from bot.ids import ActionId, CallbackId, CopyField

View = dict[str, Any]


def build_program_copy_modal(program_id: int, program_name: str) -> View:
    """Name and kickoff date of the copy."""
    return {
        "type": "modal", "callback_id": CallbackId.PROGRAM_COPY, "title": plain("Copy a program"),
        "submit": plain("Make the draft"), "close": plain("Cancel"),
        "private_metadata": json.dumps({"program": program_id}),
        "blocks": [
            section(f"A new draft from *{escape(program_name)}*: its settings, metric settings, "
                    "survey templates and roster (re-checked in Slack; deactivated people are "
                    "dropped). Nothing people answered, planned or scored comes along, and the "
                    "draft sends nothing until it is launched."),
            {"type": "input", "block_id": CopyField.NAME, "label": plain("Name"),
             "element": {"type": "plain_text_input", "action_id": ActionId.PROGRAM_COPY_INPUT,
                         "max_length": 80}},
            {"type": "input", "block_id": CopyField.KICKOFF_DATE, "label": plain("Kickoff date"),
             "element": {"type": "datepicker", "action_id": ActionId.PROGRAM_COPY_INPUT}},
        ],
    }


def read_program_copy_form(view: View) -> tuple[int, str | None, str | None]:
    """The program id (checked again by the service), the name and the date picked."""
    state = view["state"]["values"]

    def element(field: CopyField) -> dict[str, Any]:
        return state.get(field, {}).get(ActionId.PROGRAM_COPY_INPUT) or {}

    program = read_int(read_metadata(view.get("private_metadata"), "program")["program"])
    return (program, element(CopyField.NAME).get("value"),
            element(CopyField.KICKOFF_DATE).get("selected_date"))
