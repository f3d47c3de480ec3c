"""The certification's "Start" button: the attempt modal, or why not (from the error handler)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.certification.modals import ShownQuestion, build_attempt_modal
from bot.blocks.metadata import read_int
from bot.deps import deps_of
from bot.domain.certification.scoring import shown_orders
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
        orders = shown_orders(found.attempt.drawn)
        view = build_attempt_modal(
            attempt_id=found.attempt.id, name=found.certification.name,
            number=found.attempt.number, allowed=found.certification.attempts,
            questions=[ShownQuestion(q.prompt, tuple(q.options[i] for i in order))
                       for q, order in zip(found.questions, orders, strict=True)],
            talk_track=found.certification.talk_track)
    client.views_open(trigger_id=body["trigger_id"], view=view)
