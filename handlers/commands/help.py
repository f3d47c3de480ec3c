"""`/kickoff help`: what the caller may do given their roles."""

from __future__ import annotations

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks.help import build_help_message, help_fallback
from bot.deps import deps_of
from bot.services.actor import memberships_of, roles_of
from bot.services.capabilities import capabilities_for
from handlers.actor import load_actor


def handle_help_command(
    *, args: str, user_id: str, client: WebClient, context: BoltContext, respond: Respond
) -> None:
    """Answer with the capabilities open to the actor, ephemerally."""
    deps = deps_of(context)
    actor = load_actor(client, user_id, deps.settings.kickoff_admins)
    with deps.session_factory() as session:
        roles = roles_of(session=session, actor=actor)
        in_a_program = bool(memberships_of(session=session, slack_user_id=user_id))
    capabilities = capabilities_for(deps.registry.capabilities(), roles)
    respond(
        text=help_fallback(capabilities),
        blocks=build_help_message(capabilities, in_a_program=in_a_program),
        response_type="ephemeral",
    )
