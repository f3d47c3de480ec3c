"""The "send me a test" submission: acknowledged at once; then the chosen message, as the
planners would send it, posted in the admin's own DM (nothing queued, nobody else told)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.send_test import (
    WELCOME,
    build_test_message,
    nothing_to_test_text,
    read_send_test_form,
)
from bot.deps import deps_of
from bot.features.samples import sample_envelope
from bot.ids import SetupField
from bot.services.launch import welcome_message
from bot.services.setup.policy import administered_program
from db.models import Role
from handlers.actor import load_actor


def handle_send_test_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Find the program's first message of the chosen kind and DM it to the admin."""
    program_id, kind = read_send_test_form(view)
    if kind is None:
        ack(response_action="errors", errors={SetupField.TEST_KIND: "Please choose one."})
        return
    ack()
    deps = deps_of(context)
    user_id = body["user"]["id"]
    actor = load_actor(client, user_id, deps.settings.kickoff_admins)
    with deps.session_factory() as session:
        program = administered_program(session=session, program_id=program_id, actor=actor)
        kind_name, _, role = kind.partition(":")
        if kind_name == WELCOME:
            text, blocks = welcome_message(program, frozenset({Role(role)}), "your manager")
        else:
            envelope = sample_envelope(session=session, program=program,
                                       planners=deps.registry.planners(deps.settings), kind=kind)
            text = envelope.text if envelope else nothing_to_test_text(kind, program.name)
            blocks = (envelope.blocks or []) if envelope else []
    client.chat_postMessage(channel=user_id, text=f"Test: {text}",
                            blocks=build_test_message(kind_name, blocks, text))
