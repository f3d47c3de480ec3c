"""The App Home's upload of metric values: a CSV in a modal, imported after the modal closes,
the result sent by DM."""

from __future__ import annotations

from typing import Any

from bot.blocks.metadata import read_int
from bot.blocks.text import context, escape, plain, section
from bot.ids import ActionId, CallbackId

FORMAT = ("Columns `email` or `slack_id`, `metric`, `period` (a date or an ISO week like "
          "2027-W11), `value`; commas or semicolons. All rows or none: every bad row is named by "
          "its line. Uploading the same file again changes nothing.")


def build_metrics_upload_modal(*, program_id: int, program: str) -> dict[str, Any]:
    """The modal with one CSV file input."""
    return {
        "type": "modal", "callback_id": CallbackId.METRICS_UPLOAD,
        "private_metadata": str(program_id), "title": plain("Upload metric values"),
        "submit": plain("Import"), "close": plain("Cancel"),
        "blocks": [
            context(f"{escape(program)}: {FORMAT}"),
            {"type": "input", "block_id": ActionId.METRICS_FILE, "label": plain("Values (CSV)"),
             "element": {"type": "file_input", "action_id": ActionId.METRICS_FILE,
                         "filetypes": ["csv"], "max_files": 1}},
        ],
    }


def read_metrics_upload(view: dict[str, Any]) -> tuple[int, str | None]:
    """The program id and the shared file's id (None: no file chosen)."""
    state = view["state"]["values"]
    files = (state.get(ActionId.METRICS_FILE, {}).get(ActionId.METRICS_FILE) or {}).get("files")
    return read_int(view.get("private_metadata")), (str(files[0]["id"]) if files else None)


def build_importing_view() -> dict[str, Any]:
    """What the modal becomes once submitted: the result comes by DM."""
    return {"type": "modal", "title": plain("Upload metric values"), "close": plain("Close"),
            "blocks": [section("Importing. The result comes in your DM with kickoff-bot in a "
                               "moment.")]}
