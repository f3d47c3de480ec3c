"""A submitted plan: the rep signs it (errors stay at their inputs; a refusal replaces it)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.plans.modal import read_plan_form
from bot.blocks.program_modal import build_notice_view
from bot.blocks.text import escape
from bot.deps import deps_of
from bot.services.plans.signing import submit_plan
from handlers.actor import load_actor


def handle_plan_form_submission(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Validate and sign before acknowledging."""
    program_id, values = read_plan_form(body["view"])
    deps = deps_of(context)
    actor = load_actor(client, body["user"]["id"], deps.settings.kickoff_admins)
    with deps.session_factory.begin() as session:
        result = submit_plan(session=session, program_id=program_id, actor=actor,
                             values=values, now=deps.clock.now())
        manager = result.plan.manager.name if result.plan else ""
        version = result.plan.version if result.plan else 0
    if result.errors:
        ack(response_action="errors", errors=result.errors)
        return
    ack(response_action="update", view=build_notice_view("Signed", (
        f"You signed version {version} of your plan. It went to {escape(manager)} to "
        "co-sign; you will hear if they ask you to revise it.")))
