"""`/kickoff audit [PROGRAM]`: the coaching audit of the current week so far, for leaders and
admins only, shown to the actor alone."""

from __future__ import annotations

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks.audit import audit_fallback, build_audit_message
from bot.deps import deps_of
from bot.services.audit.compute import compute_week
from bot.services.audit.policy import audit_program_for
from bot.services.audit.weeks import current_week
from handlers.actor import load_actor


def handle_audit_command(
    *, args: str, user_id: str, client: WebClient, context: BoltContext, respond: Respond
) -> None:
    """Answer with this week's audit so far (no chart, nothing stored), ephemerally."""
    deps = deps_of(context)
    actor = load_actor(client, user_id, deps.settings.kickoff_admins)
    now = deps.clock.now()
    with deps.session_factory() as session:
        program = audit_program_for(session=session, actor=actor, ref=args or None)
        numbers = compute_week(session=session, program=program,
                               monday=current_week(program, now), now=now)
    respond(text=audit_fallback(numbers), blocks=build_audit_message(numbers),
            response_type="ephemeral")
