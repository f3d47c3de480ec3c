""""Write my commitment" (DM or App Home): open the manager's commitment modal."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.commitment import build_commitment_modal
from bot.blocks.metadata import read_int
from bot.deps import deps_of
from bot.services.commitments.form import commitment_form


def handle_commitment_open_action(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Open the modal for the clicker; anyone not coaching reps in the program gets an
    ephemeral refusal (from the error handler)."""
    ack()
    program_id = read_int(body["actions"][0].get("value"))
    deps = deps_of(context)
    with deps.session_factory.begin() as session:
        form = commitment_form(session=session, program_id=program_id,
                               slack_user_id=body["user"]["id"])
        view = build_commitment_modal(form)
    client.views_open(trigger_id=body["trigger_id"], view=view)
