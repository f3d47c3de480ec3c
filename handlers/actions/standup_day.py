"""The buttons on a rep's standup DM: "Answer" and "Edit" open the modal (or show that the day
has closed), "Out today" records no reminder today, counted as excused."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient
from sqlalchemy.orm import Session

from bot.blocks.standup import (
    build_standup_closed,
    build_standup_out_today,
    standup_closed_fallback,
    standup_out_today_fallback,
)
from bot.blocks.standup_modal import build_standup_modal
from bot.blocks.standup_refs import DayRef, ModalRef
from bot.blocks.text import Block
from bot.deps import deps_of
from bot.ids import ActionId
from bot.services.standups.modal import ClosedDay, ModalPlan, plan_modal_or_closed
from bot.services.standups.out_today import mark_out_today
from bot.services.standups.turn import StandupTurn
from handlers.home import answer_in_place, refresh_home


def handle_standup_day_action(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    respond: Respond,
) -> None:
    """Open the rep's modal for the day on the button (prefilled when editing), or turn the
    message into the closed day or the "out today" note."""
    ack()
    deps = deps_of(context)
    ref = DayRef.from_value(action["value"])
    turn = StandupTurn(program_id=ref.program_id, rep_user_id=ref.rep_user_id,
                       actor_user_id=body["user"]["id"], number=ref.number, now=deps.clock.now())
    with deps.session_factory.begin() as session:
        answer = _press(session, action["action_id"], turn, ref, body)
    if isinstance(answer, ModalPlan):
        client.views_open(trigger_id=body["trigger_id"], view=_modal(answer, ref))
        return
    text, blocks = answer
    answer_in_place(body, respond, replace_original=True, text=text, blocks=blocks)
    refresh_home(client, deps, body["user"]["id"])


def _press(
    session: Session, action_id: str, turn: StandupTurn, ref: DayRef, body: dict[str, Any]
) -> ModalPlan | tuple[str, list[Block]]:
    """The modal to open, or the message (text, blocks) the button's message becomes."""
    if action_id == ActionId.STANDUP_OUT_TODAY:
        slot = mark_out_today(session=session, turn=turn)
        return standup_out_today_fallback(slot.day), build_standup_out_today(day=slot.day, ref=ref)
    plan = plan_modal_or_closed(session=session, turn=turn, typed_id=ref.typed_id,
                                message=_clicked(body))
    if isinstance(plan, ClosedDay):
        blocks = build_standup_closed(day=plan.day, next_day=plan.next_day, text=plan.text)
        return standup_closed_fallback(plan.day), blocks
    return plan


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
        earlier=plan.earlier,
    )
