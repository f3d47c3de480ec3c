"""A submitted coaching log: authorization checked again, errors shown at their inputs."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.coaching.log_modal import read_log_form
from bot.blocks.coaching.sessions import build_notice_view, build_saved_view
from bot.deps import deps_of
from bot.services.coaching.log_entry import LogResult, record_log
from handlers.actor import load_actor
from handlers.home import refresh_home


def handle_coaching_log_submission(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Validate and save before acknowledging: errors stay in the modal, a refusal replaces it."""
    state, form = read_log_form(body["view"])
    deps = deps_of(context)
    actor = load_actor(client, body["user"]["id"], deps.settings.kickoff_admins)
    with deps.session_factory.begin() as session:
        result = record_log(
            session=session, item_id=state.item_id, actor=actor, form=form,
            now=deps.clock.now(),
        )
        answer = _answer_view(result)
    if result.errors:
        ack(response_action="errors", errors=result.errors)
    else:
        ack(response_action="update", view=answer)
        refresh_home(client, deps, body["user"]["id"], actor=actor)


def _answer_view(result: LogResult) -> dict[str, Any] | None:
    """The saved log, or the refusal; None while there are errors to fix."""
    if result.item is not None:
        return build_saved_view(result.item)
    if result.refusal is not None:
        return build_notice_view("Not logged", result.refusal)
    return None
