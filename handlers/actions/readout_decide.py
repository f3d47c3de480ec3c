""""Record a decision" under the read-out: the decision modal, for leaders, enablement and
admins of the program (anyone else is told why not)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.decision_modal import build_decision_modal
from bot.services.ledger.policy import deciding_program
from handlers.program_modal import open_program_modal


def handle_readout_decide_action(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
    context: BoltContext,
) -> None:
    """Open the decision modal of the program the button names, if the clicker may decide."""
    ack()
    open_program_modal(body, action, client, context,
                       lambda program: build_decision_modal(program.id, program.name),
                       check=deciding_program)
