"""A submitted commitment: errors stay at their inputs, a refusal replaces the modal."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.coaching.sessions import build_notice_view
from bot.blocks.commitment import build_commitment_saved_view, read_commitment_view
from bot.deps import deps_of
from bot.services.commitments.form import commitment_form
from bot.services.commitments.save import save_commitment
from handlers.home import refresh_home


def handle_commitment_submission(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Validate and save before acknowledging; the saved commitment is shown back."""
    ref, weeks, metric = read_commitment_view(body["view"])
    deps = deps_of(context)
    user = body["user"]["id"]
    with deps.session_factory.begin() as session:
        saved = save_commitment(
            session=session, program_id=ref.program_id, manager_slack_id=ref.manager_slack_id,
            actor_slack_id=user, weeks=weeks, metric=metric, now=deps.clock.now(),
        )
        answer = None if saved.commitment is None else build_commitment_saved_view(
            commitment_form(session=session, program_id=ref.program_id, slack_user_id=user))
    if saved.errors:
        ack(response_action="errors", errors=saved.errors)
    elif saved.refusal is not None:
        ack(response_action="update", view=build_notice_view("Not saved", saved.refusal))
    else:
        ack(response_action="update", view=answer)
        refresh_home(client, deps, user)
