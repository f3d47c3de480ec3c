""""Upload roster" and "Sync reps from a channel" in the admin's home: open their modal."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.metadata import read_int
from bot.blocks.roster_modals import build_roster_sync_modal, build_roster_upload_modal
from bot.deps import deps_of
from bot.ids import ActionId
from bot.services.setup.policy import administered_program
from handlers.actor import load_actor


def handle_roster_open_action(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
    context: BoltContext,
) -> None:
    """The upload modal, or the channel sync modal, of the program on the button."""
    ack()
    deps = deps_of(context)
    actor = load_actor(client, body["user"]["id"], deps.settings.kickoff_admins)
    with deps.session_factory() as session:
        program = administered_program(session=session, program_id=read_int(action.get("value")),
                                       actor=actor)
        build = build_roster_sync_modal if action["action_id"] == ActionId.ROSTER_SYNC \
            else build_roster_upload_modal
        view = build(program)
    client.views_open(trigger_id=body["trigger_id"], view=view)
