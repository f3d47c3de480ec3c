"""The roster modals: upload the roster CSV, or sync reps from a channel with the CSV giving
everyone else and each rep's manager; and the DM that tells the admin how it went."""

from __future__ import annotations

import json
from typing import Any

from bot.blocks.metadata import read_int, read_metadata
from bot.blocks.text import Block, context, escape, plain, section
from bot.ids import CallbackId, SetupField
from db.models import Program

View = dict[str, Any]
FORMAT = ("One row per person: `email` and/or `slack_id`, `role` (rep, manager, enablement, "
          "leader, admin; several as rep|manager), `manager` (by email or Slack id; they need "
          "a row too), optional `team` and `timezone`. UTF-8 CSV, commas or semicolons.")


def _file_input(label: str) -> Block:
    return {"type": "input", "block_id": SetupField.ROSTER_FILE, "label": plain(label),
            "element": {"type": "file_input", "action_id": SetupField.ROSTER_FILE,
                        "filetypes": ["csv"], "max_files": 1}}


def _modal(callback_id: CallbackId, title: str, program: Program, blocks: list[Block]) -> View:
    return {"type": "modal", "callback_id": callback_id, "title": plain(title),
            "submit": plain("Import"), "close": plain("Cancel"),
            "private_metadata": json.dumps({"program": program.id}), "blocks": blocks}


def build_roster_upload_modal(program: Program) -> View:
    """Upload the whole roster of a program (the file is the roster: others are deactivated)."""
    return _modal(CallbackId.ROSTER_UPLOAD, "Upload roster", program, [
        section(f"The roster of *{escape(program.name)}*. The file is the whole roster: "
                "members not in it are deactivated (their history is kept). If any row is "
                "bad, nothing changes and every bad row is listed."),
        _file_input("Roster CSV"),
        context(FORMAT),
    ])


def build_roster_sync_modal(program: Program) -> View:
    """Sync reps from a channel's members; the CSV gives everyone else and reps' managers."""
    channel: Block = {
        "type": "input", "block_id": SetupField.SYNC_CHANNEL, "label": plain("Reps' channel"),
        "element": {"type": "conversations_select", "action_id": SetupField.SYNC_CHANNEL,
                    "filter": {"include": ["public", "private"], "exclude_bot_users": True}},
    }
    return _modal(CallbackId.ROSTER_SYNC, "Sync reps", program, [
        section(f"The people of the channel become the reps of *{escape(program.name)}* (bots, "
                "guests and deactivated accounts are left out); the file gives the managers, "
                "enablement, leaders and admins, and each rep's manager. Sync again any time: "
                "newcomers are added, leavers deactivated with their history kept."),
        channel, _file_input("Managers and others (CSV)"), context(FORMAT),
    ])


def read_roster_form(view: View) -> tuple[int, str | None, str | None]:
    """The program id, the shared file's id and the chosen channel (None when not given)."""
    state = view["state"]["values"]
    files = (state.get(SetupField.ROSTER_FILE, {}).get(SetupField.ROSTER_FILE) or {}).get("files")
    channel = (state.get(SetupField.SYNC_CHANNEL, {}).get(SetupField.SYNC_CHANNEL) or {}).get(
        "selected_conversation")
    program = read_int(read_metadata(view.get("private_metadata"), "program")["program"])
    return program, (str(files[0]["id"]) if files else None), channel


def build_working_view(what: str) -> View:
    """What the modal turns into once submitted: the result comes by DM."""
    return {"type": "modal", "title": plain("Roster"), "close": plain("Close"),
            "blocks": [section(f"{what} The result comes in your DM with kickoff-bot in a "
                               "moment.")]}
