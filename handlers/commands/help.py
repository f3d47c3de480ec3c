"""`/kickoff help`: what the caller may do given their roles."""

from __future__ import annotations

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks.help import build_help_message, help_fallback
from bot.deps import deps_of
from bot.services.access import memberships_of, roles_of
from bot.services.capabilities import capabilities_for
from handlers.caller import load_caller


def handle_help_command(
    *, args: str, user_id: str, client: WebClient, context: BoltContext, respond: Respond
) -> None:
    """Answer with the capabilities open to the caller, ephemerally."""
    deps = deps_of(context)
    caller = load_caller(client, user_id)
    with deps.session_factory() as session:
        roles = roles_of(
            session=session, caller=caller, kickoff_admins=deps.settings.kickoff_admins
        )
        in_a_program = bool(memberships_of(session=session, slack_user_id=user_id))
    capabilities = capabilities_for(deps.registry.capabilities(), roles)
    respond(
        text=help_fallback(capabilities),
        blocks=build_help_message(capabilities, in_a_program=in_a_program),
        response_type="ephemeral",
    )
