"""Demo scene: the governance review on day 32. Victoria records a decision from the read-out
(the modal's submission, signed as Slack sends it); it lands in the read-out's thread, and the
ROI ledger shows it beside the read-out's figures."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from bot.demo.scenes_coaching import program_of
from bot.demo.stage import Stage, shell
from bot.ids import ActionId, CallbackId, DecisionField
from bot.services.audit.weeks import readout_posted_at

LEADER = "U0VIC"
DECISION: dict[str, dict[str, Any]] = {
    DecisionField.INTERVENTION: {"type": "static_select",
                                 "selected_option": {"value": "call_reviews"}},
    DecisionField.VERDICT: {"type": "radio_buttons", "selected_option": {"value": "change"}},
    DecisionField.OWNER: {"type": "users_select", "selected_user": "U0MAR"},
    DecisionField.REASON: {"type": "plain_text_input",
                           "value": "Bi-weekly slips in QBR weeks: make it monthly"},
    DecisionField.CONFOUNDS: {"type": "checkboxes",
                              "selected_options": [{"value": "comp_plan"}]},
}


def decide(stage: Stage) -> None:
    """Two hours after the read-out, Victoria records a decision; then the ledger, from the
    shell."""
    program = program_of(stage)
    at = readout_posted_at(program) + timedelta(hours=2)
    stage.scene(f"Day {program.readout_day}: the governance review records a decision in the "
                "read-out's thread", at, program.timezone)
    stage.slack.view_submission(
        user_id=LEADER, callback_id=CallbackId.DECISION,
        values={field: {ActionId.DECISION_INPUT: element} for field, element in DECISION.items()},
        private_metadata=json.dumps({"program": program.id}))
    stage.timeline.advance_to(at + timedelta(minutes=5))
    shell(["ledger", "--md"])
