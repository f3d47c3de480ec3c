"""Held / rescheduled / skipped in the log modal: show the inputs of the chosen outcome."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.coaching.log_modal import LogModalState, build_log_modal
from bot.blocks.metadata import read_member
from bot.deps import deps_of
from bot.services.coaching.behaviours import behaviour_to_ask
from bot.services.coaching.log_entry import item_to_log, logger_today
from bot.services.coaching.policy import writes_notes
from bot.services.plans.carried import plan_of
from db.models import LoggedStatus
from handlers.actor import load_actor


def handle_coaching_outcome_action(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Rebuild the modal for the chosen outcome (views.update, guarded by the view's hash)."""
    ack()
    view = body["view"]
    state = LogModalState.load(view["private_metadata"])
    chosen = body["actions"][0].get("selected_option") or {}
    outcome = read_member(LoggedStatus, chosen.get("value"))
    deps = deps_of(context)
    actor = load_actor(client, body["user"]["id"], deps.settings.kickoff_admins)
    now = deps.clock.now()
    with deps.session_factory.begin() as session:
        item = item_to_log(session=session, item_id=state.item_id, actor=actor)
        today = logger_today(session=session, item=item, actor=actor, now=now)
        updated = build_log_modal(
            item, outcome, today=today, with_notes=writes_notes(item.manager, actor),
            plan=plan_of(session=session, program_id=item.program_id, rep_id=item.rep_id),
            behaviour=behaviour_to_ask(session=session, item=item, day=item.held_on or today),
        )
    client.views_update(view_id=view["id"], hash=view["hash"], view=updated)
