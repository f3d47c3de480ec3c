""""New program" and "Edit" in the admin's home: open the program modal (admins only)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.metadata import read_int
from bot.blocks.program_modal import build_program_modal
from bot.deps import deps_of
from bot.domain.program_spec import spec_of
from bot.ids import ActionId
from bot.services.setup.policy import administered_program, ensure_may_create
from handlers.actor import load_actor


def handle_program_open_action(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
    context: BoltContext,
) -> None:
    """The empty modal to create a program, or the program's settings to edit them."""
    ack()
    deps = deps_of(context)
    actor = load_actor(client, body["user"]["id"], deps.settings.kickoff_admins)
    zone = deps.settings.default_timezone
    with deps.session_factory() as session:
        if action["action_id"] == ActionId.PROGRAM_EDIT:
            program = administered_program(
                session=session, program_id=read_int(action.get("value")), actor=actor)
            view = build_program_modal(spec_of(program), program_id=program.id,
                                       default_timezone=zone)
        else:
            ensure_may_create(session=session, actor=actor)
            view = build_program_modal(None, program_id=None, default_timezone=zone)
    client.views_open(trigger_id=body["trigger_id"], view=view)
