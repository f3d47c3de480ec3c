""""Send me a test": the modal listing every message a program sends, and the preview DM."""

from __future__ import annotations

import json
from typing import Any

from bot.blocks.metadata import read_int, read_metadata
from bot.blocks.text import Block, context, escape, plain, section
from bot.ids import CallbackId, SetupField
from db.models import Program, Role

View = dict[str, Any]
WELCOME = "welcome"
MAX_MESSAGE_BLOCKS = 50


def test_choices(planner_kinds: list[str]) -> list[tuple[str, str]]:
    """(label, value) of every message that can be previewed: a welcome per role, then each
    kind the planners send."""
    welcomes = [(f"welcome ({role})", f"{WELCOME}:{role}") for role in Role]
    return welcomes + [(kind.replace("_", " "), kind) for kind in planner_kinds]


def build_send_test_modal(program: Program, planner_kinds: list[str]) -> View:
    """Pick one message of the program to receive in one's own DM."""
    options = [{"text": plain(label), "value": value}
               for label, value in test_choices(planner_kinds)]
    return {
        "type": "modal", "callback_id": CallbackId.SEND_TEST, "title": plain("Send me a test"),
        "submit": plain("Send it to me"), "close": plain("Cancel"),
        "private_metadata": json.dumps({"program": program.id}),
        "blocks": [
            section(f"A message of *{escape(program.name)}* as its recipient gets it, sent "
                    "only to you. Nothing is queued and nobody else gets anything."),
            {"type": "input", "block_id": SetupField.TEST_KIND, "label": plain("Message"),
             "element": {"type": "static_select", "action_id": SetupField.TEST_KIND,
                         "options": options, "initial_option": options[0]}},
        ],
    }


def read_send_test_form(view: View) -> tuple[int, str | None]:
    """The program id and the chosen message kind."""
    state = view["state"]["values"]
    chosen = (state.get(SetupField.TEST_KIND, {}).get(SetupField.TEST_KIND) or {}).get(
        "selected_option") or {}
    program = read_int(read_metadata(view.get("private_metadata"), "program")["program"])
    return program, chosen.get("value")


def build_test_message(kind: str, blocks: list[Block] | None, text: str) -> list[Block]:
    """The previewed message under a line saying it is a test."""
    note = context(f":test_tube: Test of *{escape(kind.replace('_', ' '))}*, sent only to you.")
    body = blocks or [section(text)]
    return [note, *body][:MAX_MESSAGE_BLOCKS]


def nothing_to_test_text(kind: str, program_name: str) -> str:
    """Why no test came: the program plans no such message (yet)."""
    return (f"{escape(program_name)} plans no {escape(kind.replace('_', ' '))} yet (no survey "
            "created, no reps or managers, or the program is over), so there is nothing to "
            "send as a test.")
