""""Copy" in the admin's App Home: the modal asking the new draft's name and kickoff date."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.program_copy import build_program_copy_modal
from handlers.program_modal import open_program_modal


def handle_program_copy_open_action(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
    context: BoltContext,
) -> None:
    """Open the copy modal for a program the clicker administers."""
    ack()
    open_program_modal(body, action, client, context,
                       lambda program: build_program_copy_modal(program.id, program.name))
