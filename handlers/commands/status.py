"""`/kickoff status`: the caller's programs and roles."""

from __future__ import annotations

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks.status import build_status_message, status_fallback
from bot.deps import deps_of
from bot.services.access import is_kickoff_admin, memberships_of
from handlers.caller import load_caller


def handle_status_command(
    *, args: str, user_id: str, client: WebClient, context: BoltContext, respond: Respond
) -> None:
    """Answer with the caller's programs, roles and manager, ephemerally."""
    deps = deps_of(context)
    caller = load_caller(client, user_id)
    with deps.session_factory() as session:
        memberships = memberships_of(session=session, slack_user_id=user_id)
        blocks = build_status_message(
            memberships, is_admin=is_kickoff_admin(caller, deps.settings.kickoff_admins)
        )
        text = status_fallback(memberships)
    respond(text=text, blocks=blocks, response_type="ephemeral")
