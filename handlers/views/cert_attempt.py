"""An attempt's submission: scored by the service; the rep sees their score and nothing else."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.certification.modals import build_score_view
from bot.blocks.metadata import read_int
from bot.deps import deps_of
from bot.errors import InvalidField
from bot.ids import ActionId, CertField
from bot.services.certification.attempts import submit_attempt
from handlers.home import refresh_home

State = dict[str, dict[str, dict[str, Any]]]


def handle_cert_attempt_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext,
    client: WebClient,
) -> None:
    """Score the attempt, or name the field to fix (nothing is recorded)."""
    deps = deps_of(context)
    state: State = view["state"]["values"]
    picks = {int(block[1:]): input_value(state, block) for block in state
             if block[:1] == "q" and block[1:].isdigit()}
    try:
        with deps.session_factory.begin() as session:
            done = submit_attempt(
                session=session, attempt_id=read_int(view.get("private_metadata")),
                slack_user_id=body["user"]["id"], picks=picks,
                recording_url=input_value(state, CertField.RECORDING), now=deps.clock.now())
            attempt, certification = done.attempt, done.certification
            score = build_score_view(name=certification.name, correct=attempt.correct or 0,
                                     asked=len(done.questions), status=attempt.status,
                                     attempts_left=certification.attempts - attempt.number)
    except InvalidField as refusal:
        ack(response_action="errors", errors={refusal.field: refusal.message})
        return
    ack(response_action="update", view=score)
    refresh_home(client, deps, body["user"]["id"])


def input_value(state: State, block: str) -> str | None:
    """The value of one input of a certification modal (a pick or a typed text)."""
    element = state.get(block, {}).get(ActionId.CERT_INPUT) or {}
    option = element.get("selected_option")
    return option.get("value") if isinstance(option, dict) else element.get("value")
