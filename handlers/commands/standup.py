"""`/kickoff standup`: open the modal of the caller's standup open today."""

from __future__ import annotations

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks.standup_modal import build_standup_modal
from bot.blocks.standup_refs import ModalRef
from bot.deps import deps_of
from bot.services.standups.modal import open_modal_for


def handle_standup_command(
    *, args: str, user_id: str, client: WebClient, context: BoltContext, respond: Respond
) -> None:
    """Open today's standup modal (an edit if already answered), or say when the next one is."""
    deps = deps_of(context)
    with deps.session_factory.begin() as session:
        plan = open_modal_for(session=session, slack_user_id=user_id, now=deps.clock.now())
    slot = plan.slot
    ref = ModalRef(slot.program.id, user_id, slot.day.number, plan.revision)
    view = build_standup_modal(
        day=slot.day, ref=ref, channel=slot.program.standup_channel, initial=plan.initial,
        earlier=plan.earlier,
    )
    client.views_open(trigger_id=str(context["trigger_id"]), view=view)
