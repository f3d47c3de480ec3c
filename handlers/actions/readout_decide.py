""""Record a decision" under the read-out: the decision modal, for leaders, enablement and
admins of the program (anyone else is told why not)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.decision_modal import build_decision_modal
from bot.blocks.metadata import read_int
from bot.deps import deps_of
from bot.services.ledger.policy import deciding_program
from handlers.actor import load_actor


def handle_readout_decide_action(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
    context: BoltContext,
) -> None:
    """Open the decision modal of the program the button names, if the clicker may decide."""
    ack()
    deps = deps_of(context)
    actor = load_actor(client, body["user"]["id"], deps.settings.kickoff_admins)
    with deps.session_factory() as session:
        program = deciding_program(session=session, actor=actor,
                                   program_id=read_int(action.get("value")))
        view = build_decision_modal(program.id, program.name)
    client.views_open(trigger_id=body["trigger_id"], view=view)
