""""Set out of office" (for oneself) and "Out of office for someone" (admins) in the home."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.ooo import build_ooo_modal
from bot.deps import deps_of


def handle_ooo_open_action(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
    context: BoltContext,
) -> None:
    """Open the modal, preset to the person who clicked unless they chose someone else."""
    ack()
    user_id = body["user"]["id"]
    person = user_id if action.get("value") == "self" else None
    view = build_ooo_modal(person=person, today=deps_of(context).clock.now().date())
    client.views_open(trigger_id=body["trigger_id"], view=view)
