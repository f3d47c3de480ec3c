""""This week so far" in a leader's home: the current week's audit, in a modal."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.home.leader import build_audit_week_view
from bot.deps import deps_of
from bot.services.audit.compute import compute_week
from bot.services.audit.policy import audit_program_for
from bot.services.audit.weeks import current_week
from handlers.actor import load_actor


def handle_home_audit_week_action(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
    context: BoltContext,
) -> None:
    """Compute the week so far for a leader or admin of the program, and show it."""
    ack()
    deps = deps_of(context)
    actor = load_actor(client, body["user"]["id"], deps.settings.kickoff_admins)
    now = deps.clock.now()
    with deps.session_factory() as session:
        program = audit_program_for(session=session, actor=actor, ref=str(action["value"]))
        numbers = compute_week(session=session, program=program,
                               monday=current_week(program, now), now=now)
        view = build_audit_week_view(numbers)
    client.views_open(trigger_id=body["trigger_id"], view=view)
