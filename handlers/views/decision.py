"""The decision modal's submission: a field error beside its input, a refusal in the modal,
else the decision is recorded and its reply queued in the read-out's thread."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.decision_modal import decision_inputs, read_decision_program
from bot.blocks.program_modal import build_notice_view
from bot.blocks.text import escape
from bot.deps import deps_of
from bot.errors import InvalidField, KickoffError
from bot.services.ledger.decisions import DecisionValues, record_decision
from handlers.actor import load_actor

RECORDED = "Recorded. The decision is posted in the read-out's thread."


def handle_decision_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Record the decision, or say why not."""
    program_id = read_decision_program(view)
    deps = deps_of(context)
    actor = load_actor(client, body["user"]["id"], deps.settings.kickoff_admins)
    values = DecisionValues(**decision_inputs(view["state"]["values"]))
    try:
        with deps.session_factory.begin() as session:
            record_decision(session=session, actor=actor, program_id=program_id, values=values,
                            now=deps.clock.now())
    except InvalidField as refusal:
        ack(response_action="errors", errors={refusal.field: refusal.message})
        return
    except KickoffError as refusal:
        ack(response_action="update", view=build_notice_view("Not recorded", escape(str(refusal))))
        return
    ack(response_action="update", view=build_notice_view("Decision recorded", RECORDED))
