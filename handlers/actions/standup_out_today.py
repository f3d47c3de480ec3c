"""The standup "Out today" button: no reminder today, counted as excused."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks.standup import build_standup_out_today, standup_out_today_fallback
from bot.blocks.standup_refs import DayRef
from bot.deps import deps_of
from bot.services.standups.out_today import mark_out_today
from handlers.home import answer_in_place, refresh_home


def handle_standup_out_today_action(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    context: BoltContext,
    respond: Respond,
    client: WebClient,
) -> None:
    """Record "out today" and turn the prompt into a note with a way back."""
    ack()
    ref = DayRef.from_value(action["value"])
    with deps_of(context).session_factory.begin() as session:
        slot = mark_out_today(
            session=session,
            program_id=ref.program_id,
            rep_user_id=ref.rep_user_id,
            actor_user_id=body["user"]["id"],
            number=ref.number,
            now=deps_of(context).clock.now(),
        )
    answer_in_place(
        body,
        respond,
        replace_original=True,
        text=standup_out_today_fallback(slot.day),
        blocks=build_standup_out_today(day=slot.day, ref=ref),
    )
    refresh_home(client, deps_of(context), body["user"]["id"])
