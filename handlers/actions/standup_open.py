"""The standup "Answer" and "Edit" buttons: open the modal, or show that the day has closed."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks.standup import build_standup_closed, standup_closed_fallback
from bot.blocks.standup_modal import build_standup_modal
from bot.blocks.standup_refs import DayRef, ModalRef
from bot.deps import deps_of
from bot.services.standups.modal import ClosedDay, ModalPlan, plan_modal_or_closed
from handlers.home import answer_in_place, refresh_home


def handle_standup_open_action(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    respond: Respond,
) -> None:
    """Open the rep's modal for the day on the button (prefilled when editing)."""
    ack()
    ref = DayRef.from_value(action["value"])
    with deps_of(context).session_factory.begin() as session:
        plan = plan_modal_or_closed(
            session=session,
            program_id=ref.program_id,
            rep_user_id=ref.rep_user_id,
            actor_user_id=body["user"]["id"],
            number=ref.number,
            now=deps_of(context).clock.now(),
            typed_id=ref.typed_id,
            message=_clicked(body),
        )
    if isinstance(plan, ClosedDay):
        blocks = build_standup_closed(day=plan.day, next_day=plan.next_day, text=plan.text)
        answer_in_place(
            body,
            respond,
            replace_original=True,
            text=standup_closed_fallback(plan.day),
            blocks=blocks,
        )
        refresh_home(client, deps_of(context), body["user"]["id"])
        return
    client.views_open(trigger_id=body["trigger_id"], view=_modal(plan, ref))


def _clicked(body: dict[str, Any]) -> tuple[str, str] | None:
    """The message whose button was clicked, if any; the service matches it to the rep's DMs."""
    container = body.get("container") or {}
    channel, ts = container.get("channel_id"), container.get("message_ts")
    return (str(channel), str(ts)) if channel and ts else None


def _modal(plan: ModalPlan, ref: DayRef) -> dict[str, Any]:
    """The modal, naming which of the rep's own DMs of the day the submission updates."""
    modal = ModalRef(ref.program_id, ref.rep_user_id, ref.number, plan.revision, plan.source)
    return build_standup_modal(
        day=plan.slot.day,
        ref=modal,
        channel=plan.slot.program.standup_channel,
        initial=plan.initial,
    )
