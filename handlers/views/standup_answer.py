"""The standup modal's submission: field errors in the modal, else save, post and update the DM."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.standup import build_standup_answered, standup_answered_fallback
from bot.blocks.standup_modal import FIELD_BLOCKS, build_standup_note_view
from bot.blocks.standup_refs import DayRef, ModalRef
from bot.deps import deps_of
from bot.domain.standups.fields import Field
from bot.ids import ActionId, BlockId
from bot.services.standups.answer import Outcome, Submission, submit_answer
from bot.services.standups.turn import StandupTurn
from handlers.home import refresh_home


def handle_standup_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Save the answer once (a second submission edits it), then show the rep where it went."""
    ref = ModalRef.from_metadata(view["private_metadata"])
    values = view["state"]["values"]
    raw = {
        f: (values.get(FIELD_BLOCKS[f], {}).get(ActionId.STANDUP_TEXT) or {}).get("value")
        for f in Field
    }
    follow = (values.get(BlockId.STANDUP_FOLLOW, {}).get(ActionId.STANDUP_FOLLOW) or {})
    deps = deps_of(context)
    with deps.session_factory.begin() as session:
        done = submit_answer(
            session=session,
            turn=StandupTurn(
                program_id=ref.program_id,
                rep_user_id=ref.rep_user_id,
                actor_user_id=body["user"]["id"],
                number=ref.number,
                now=deps.clock.now(),
            ),
            raw=raw,
            opened_revision=ref.revision,
            source=ref.source,
            follow=(follow.get("selected_option") or {}).get("value"),
        )
    if done.errors or done.follow_error:
        errors: dict[str, str] = {FIELD_BLOCKS[f]: m for f, m in done.errors.items()}
        if done.follow_error:
            errors[BlockId.STANDUP_FOLLOW] = done.follow_error
        ack(response_action="errors", errors=errors)
        return
    message = done.dm_message  # from the database: never a message the metadata names
    _acknowledge(ack, done, updates_dm=message is not None and ref.source is not None)
    if message is not None and done.outcome is not Outcome.UNCHANGED:
        _update_dm(client, done, message, DayRef(ref.program_id, ref.rep_user_id, ref.number))
    refresh_home(client, deps, body["user"]["id"])


def _acknowledge(ack: Ack, done: Submission, *, updates_dm: bool) -> None:
    """Close the modal, or turn it into a note when there is something to explain."""
    assert done.day is not None
    if done.notes or not updates_dm:
        text = " ".join(done.notes) or f"Posted in <#{done.channel}>. Thank you!"
        ack(response_action="update", view=build_standup_note_view(day=done.day, text=text))
    else:
        ack()


def _update_dm(client: WebClient, done: Submission, message: tuple[str, str], ref: DayRef) -> None:
    """Show the answers in place of the prompt the rep answered, with Edit."""
    assert done.day is not None
    assert done.text is not None
    blocks = build_standup_answered(
        day=done.day,
        text=done.text,
        channel=done.channel,
        ref=ref,
        note=" ".join(done.notes) or None,
    )
    client.chat_update(
        channel=message[0], ts=message[1], text=standup_answered_fallback(done.day), blocks=blocks
    )
