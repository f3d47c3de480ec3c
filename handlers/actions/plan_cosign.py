"""The manager's "Co-sign" under a rep's plan: only that rep's manager, only the latest version."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks.metadata import read_int
from bot.blocks.plans.messages import build_cosigned_message
from bot.deps import deps_of
from bot.services.plans.signing import cosign_plan
from handlers.actor import load_actor


def handle_plan_cosign_action(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext, respond: Respond
) -> None:
    """Co-sign, and replace the buttons with the signed plan."""
    ack()
    plan_id, _, revision = body["actions"][0]["value"].partition(":")
    deps = deps_of(context)
    actor = load_actor(client, body["user"]["id"], deps.settings.kickoff_admins)
    with deps.session_factory.begin() as session:
        plan = cosign_plan(session=session, plan_id=read_int(plan_id),
                           revision=read_int(revision), actor=actor, now=deps.clock.now())
        blocks = build_cosigned_message(plan)
        text = f"You co-signed {plan.rep.name}'s plan."
    respond(text=text, blocks=blocks, replace_original=True)
