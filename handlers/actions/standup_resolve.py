"""A manager's "Resolved" button on a blocker DM."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.deps import deps_of
from bot.errors import InvalidInput
from bot.services.standups.resolve import resolve_blocker
from handlers.actor import load_actor
from handlers.home import answer_in_place, refresh_home


def handle_standup_resolve_action(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    respond: Respond,
) -> None:
    """Resolve the blocker (its manager or an admin), tell the rep, show who resolved it."""
    ack()
    if not str(action.get("value", "")).isdigit():
        raise InvalidInput("That button is not from a kickoff-bot blocker.")
    deps = deps_of(context)
    user_id = body["user"]["id"]
    actor = load_actor(client, user_id, deps.settings.kickoff_admins)
    with deps.session_factory.begin() as session:
        resolution = resolve_blocker(
            session=session,
            answer_id=int(action["value"]),
            actor=actor,
            now=deps.clock.now(),
        )
    answer_in_place(
        body, respond, replace_original=True, text=resolution.text, blocks=resolution.blocks
    )
    refresh_home(client, deps, user_id, actor=actor)
