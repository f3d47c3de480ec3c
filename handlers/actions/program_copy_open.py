""""Copy" in the admin's App Home: the modal asking the new draft's name and kickoff date."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.metadata import read_int
from bot.blocks.program_copy import build_program_copy_modal
from bot.deps import deps_of
from bot.services.setup.policy import administered_program
from handlers.actor import load_actor


def handle_program_copy_open_action(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
    context: BoltContext,
) -> None:
    """Open the copy modal for a program the clicker administers."""
    ack()
    deps = deps_of(context)
    actor = load_actor(client, body["user"]["id"], deps.settings.kickoff_admins)
    with deps.session_factory() as session:
        program = administered_program(session=session, program_id=read_int(action.get("value")),
                                       actor=actor)
        view = build_program_copy_modal(program.id, program.name)
    client.views_open(trigger_id=body["trigger_id"], view=view)
