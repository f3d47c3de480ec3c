"""`/kickoff status`: the actor's programs and roles."""

from __future__ import annotations

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks.status import build_status_message, status_fallback
from bot.deps import deps_of
from bot.services.actor import memberships_of
from handlers.actor import load_actor


def handle_status_command(
    *, args: str, user_id: str, client: WebClient, context: BoltContext, respond: Respond
) -> None:
    """Answer with the actor's programs, roles and manager, ephemerally."""
    deps = deps_of(context)
    actor = load_actor(client, user_id, deps.settings.kickoff_admins)
    with deps.session_factory() as session:
        memberships = memberships_of(session=session, slack_user_id=user_id)
        blocks = build_status_message(memberships, is_admin=actor.is_kickoff_admin)
        text = status_fallback(memberships)
    respond(text=text, blocks=blocks, response_type="ephemeral")
