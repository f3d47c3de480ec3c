"""A rep typing into their DM with kickoff-bot: a short note and the button to today's standup."""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext, Say

from bot.blocks.standup_typing import build_typing_reply, typing_reply_fallback
from bot.blocks.text import unescape
from bot.deps import deps_of
from bot.services.standups.typed_dm import reply_to_typing


def in_a_dm(event: dict[str, Any]) -> bool:
    """A `message.im` event: every one is acknowledged, so Slack never retries them."""
    return event.get("channel_type") == "im"


def handle_message_im_event(event: dict[str, Any], context: BoltContext, say: Say) -> None:
    """Answer what a person typed; offer it (stored whole) as today's activity, not drop it.

    Bots' messages (the bot's own included) and subtypes (edits, deletions, joins) are ignored.
    """
    if "subtype" in event or event.get("bot_id") or not event.get("user"):
        return
    user_id = str(event["user"])
    deps = deps_of(context)
    with deps.session_factory.begin() as session:  # stores what was typed
        reply = reply_to_typing(
            session=session,
            slack_user_id=user_id,
            text=unescape(str(event.get("text") or "")),
            now=deps.clock.now(),
        )
    say(text=typing_reply_fallback(reply), blocks=build_typing_reply(reply, rep_user_id=user_id))
