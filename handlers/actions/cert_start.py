"""The certification's "Start" button: the attempt modal, or why not (from the error handler)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.certification.modals import build_attempt_view
from bot.blocks.metadata import read_int
from bot.deps import deps_of
from bot.services.certification.attempts import start_attempt


def handle_cert_start_action(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
    context: BoltContext,
) -> None:
    """Open the rep's attempt: its drawn questions, options in this attempt's order."""
    ack()
    deps = deps_of(context)
    with deps.session_factory.begin() as session:
        found = start_attempt(session=session, certification_id=read_int(action.get("value")),
                              slack_user_id=body["user"]["id"], now=deps.clock.now())
        view = build_attempt_view(found.attempt, found.certification, found.questions)
    client.views_open(trigger_id=body["trigger_id"], view=view)
