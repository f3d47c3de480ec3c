""""Send me a test" in the admin's home: choose which of the program's messages to preview."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.metadata import read_int
from bot.blocks.send_test import build_send_test_modal
from bot.deps import deps_of
from bot.features.samples import sample_kinds
from bot.services.setup.policy import administered_program
from handlers.actor import load_actor


def handle_send_test_open_action(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
    context: BoltContext,
) -> None:
    """Open the modal listing a welcome per role and every kind the planners send."""
    ack()
    deps = deps_of(context)
    actor = load_actor(client, body["user"]["id"], deps.settings.kickoff_admins)
    with deps.session_factory() as session:
        program = administered_program(session=session, program_id=read_int(action.get("value")),
                                       actor=actor)
        view = build_send_test_modal(program, sample_kinds(deps.registry.planners(deps.settings)))
    client.views_open(trigger_id=body["trigger_id"], view=view)
