"""The review's submission: the scores, the verdict and the line the rep sees."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.certification.modals import build_note_view
from bot.blocks.metadata import read_int
from bot.blocks.text import escape
from bot.deps import deps_of
from bot.errors import InvalidField
from bot.ids import CertField
from bot.services.certification.review import record_review
from handlers.home import refresh_home
from handlers.views.cert_attempt import input_value


def handle_cert_review_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext,
    client: WebClient,
) -> None:
    """Record the review, or name the field to fix."""
    deps = deps_of(context)
    state = view["state"]["values"]
    scores = {block.removeprefix("score_"): input_value(state, block) for block in state
              if block.startswith("score_")}
    try:
        with deps.session_factory.begin() as session:
            found = record_review(
                session=session, attempt_id=read_int(view.get("private_metadata")),
                slack_user_id=body["user"]["id"], scores=scores,
                verdict=input_value(state, CertField.VERDICT),
                feedback=input_value(state, CertField.FEEDBACK), now=deps.clock.now())
            note = build_note_view("Review saved",
                                   f"{escape(found.rep.name)} will hear the outcome.")
    except InvalidField as refusal:
        ack(response_action="errors", errors={refusal.field: refusal.message})
        return
    ack(response_action="update", view=note)
    refresh_home(client, deps, body["user"]["id"])
