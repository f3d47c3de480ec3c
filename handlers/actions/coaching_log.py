"""The "Log" button of a coaching session: open its log modal, for its manager or an admin."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.coaching.log_modal import build_log_modal
from bot.deps import deps_of
from bot.services.coaching.behaviours import behaviour_to_ask
from bot.services.coaching.log_entry import item_to_log, logger_today
from bot.services.coaching.policy import writes_notes
from bot.services.plans.carried import plan_of
from handlers.actor import load_actor


def handle_coaching_log_action(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Open the modal; anyone else gets an ephemeral refusal (from the error handler)."""
    ack()
    item_id = int(body["actions"][0]["value"])
    deps = deps_of(context)
    actor = load_actor(client, body["user"]["id"], deps.settings.kickoff_admins)
    now = deps.clock.now()
    with deps.session_factory.begin() as session:
        item = item_to_log(session=session, item_id=item_id, actor=actor)
        today = logger_today(session=session, item=item, actor=actor, now=now)
        view = build_log_modal(
            item, today=today, with_notes=writes_notes(item.manager, actor),
            plan=plan_of(session=session, program_id=item.program_id, rep_id=item.rep_id),
            behaviour=behaviour_to_ask(session=session, item=item, day=item.held_on or today),
        )
    client.views_open(trigger_id=body["trigger_id"], view=view)
