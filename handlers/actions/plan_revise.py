"""The manager's "Ask to revise": open the modal for the reason the rep will see."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.metadata import read_int
from bot.blocks.plans.modal import build_revise_modal
from bot.deps import deps_of
from bot.services.plans.access import plan_to_sign
from handlers.actor import load_actor


def handle_plan_revise_action(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Only the manager who must co-sign this version gets the modal."""
    ack()
    plan_id, _, revision = body["actions"][0]["value"].partition(":")
    deps = deps_of(context)
    actor = load_actor(client, body["user"]["id"], deps.settings.kickoff_admins)
    with deps.session_factory.begin() as session:
        plan = plan_to_sign(session=session, plan_id=read_int(plan_id),
                            revision=read_int(revision), actor=actor)
        view = build_revise_modal(plan)
    client.views_open(trigger_id=body["trigger_id"], view=view)
