""""Write my plan" (the breakout DM, a reminder, the App Home): open the rep's own plan modal."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.metadata import read_int
from bot.blocks.plans.modal import build_plan_modal
from bot.deps import deps_of
from bot.services.plans.access import current_plan, rep_membership
from bot.services.plans.contract import contract_of
from handlers.actor import load_actor


def handle_plan_write_action(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Only a rep of the program opens it, and only their own plan, prefilled."""
    ack()
    program_id = read_int(body["actions"][0]["value"])
    deps = deps_of(context)
    actor = load_actor(client, body["user"]["id"], deps.settings.kickoff_admins)
    with deps.session_factory.begin() as session:
        member = rep_membership(session=session, program_id=program_id, actor=actor)
        contract = contract_of(session=session, program=member.program)
        prior = current_plan(session=session, program=member.program, rep_id=member.person_id)
        view = build_plan_modal(program_id, member.program.name, contract.text, prior)
    client.views_open(trigger_id=body["trigger_id"], view=view)
