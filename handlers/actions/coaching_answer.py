"""The rep's "Confirm" / "That didn't happen" under a logged session."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext, Respond

from bot.blocks.coaching.receipts import build_log_receipt, receipt_fallback
from bot.blocks.metadata import read_int
from bot.deps import deps_of
from bot.ids import ActionId
from bot.services.coaching.confirmation import answer_log
from db.models import Confirmation

ANSWERS = {
    ActionId.COACHING_CONFIRM: Confirmation.CONFIRMED,
    ActionId.COACHING_DISPUTE: Confirmation.DISPUTED,
}


def handle_coaching_answer_action(
    ack: Ack, body: dict[str, Any], context: BoltContext, respond: Respond
) -> None:
    """Record the rep's answer and replace the buttons with it; only that rep may answer."""
    ack()
    action = body["actions"][0]
    item_id, _, revision = action["value"].partition(":")
    answer = ANSWERS[ActionId(action["action_id"])]
    deps = deps_of(context)
    with deps.session_factory.begin() as session:
        item = answer_log(
            session=session, item_id=read_int(item_id), revision=read_int(revision),
            rep_slack_id=body["user"]["id"], answer=answer, now=deps.clock.now(),
        )
        blocks = build_log_receipt(item, answered=answer)
        text = receipt_fallback(item)
    respond(text=text, blocks=blocks, replace_original=True)
