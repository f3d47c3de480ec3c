"""A submitted "Ask to revise": the reason is sent to the rep, the plan awaits their new version."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.plans.modal import read_revise_form
from bot.blocks.program_modal import build_notice_view
from bot.blocks.text import escape
from bot.deps import deps_of
from bot.services.plans.signing import ask_to_revise
from handlers.actor import load_actor


def handle_plan_revise_submission(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Check again that the actor may, and record the reason before acknowledging."""
    plan_id, revision, reason = read_revise_form(body["view"])
    deps = deps_of(context)
    actor = load_actor(client, body["user"]["id"], deps.settings.kickoff_admins)
    with deps.session_factory.begin() as session:
        result = ask_to_revise(session=session, plan_id=plan_id, revision=revision, actor=actor,
                               reason=reason, now=deps.clock.now())
        rep = result.plan.rep.name if result.plan else ""
    if result.errors:
        ack(response_action="errors", errors=result.errors)
        return
    ack(response_action="update", view=build_notice_view("Sent", (
        f"{escape(rep)} will see your reason and send you a new version to co-sign.")))
