""""View plan": one plan, read only, for its rep, their manager and program admins."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.metadata import read_int
from bot.blocks.plans.modal import build_plan_view
from bot.deps import deps_of
from bot.services.plans.access import plan_to_read
from handlers.actor import load_actor


def handle_plan_view_action(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Anyone else is refused, and shown nothing of the plan."""
    ack()
    plan_id = read_int(body["actions"][0]["value"])
    deps = deps_of(context)
    actor = load_actor(client, body["user"]["id"], deps.settings.kickoff_admins)
    with deps.session_factory.begin() as session:
        plan = plan_to_read(session=session, plan_id=plan_id, actor=actor)
        view = build_plan_view(plan, plan.program.timezone)
    client.views_open(trigger_id=body["trigger_id"], view=view)
