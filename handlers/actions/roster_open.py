""""Upload roster" and "Sync reps from a channel" in the admin's home: open their modal."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.roster_modals import build_roster_sync_modal, build_roster_upload_modal
from bot.ids import ActionId
from handlers.program_modal import open_program_modal


def handle_roster_open_action(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
    context: BoltContext,
) -> None:
    """The upload modal, or the channel sync modal, of the program on the button."""
    ack()
    build = build_roster_sync_modal if action["action_id"] == ActionId.ROSTER_SYNC \
        else build_roster_upload_modal
    open_program_modal(body, action, client, context, build)
