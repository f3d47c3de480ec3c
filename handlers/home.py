"""Publishing a person's App Home: on opening it, and after every action that changes it.

The home answers the person who acted, so it is published directly (views.publish), not
through the outbox. Call `refresh_home` at the end of a listener whose action changed what
the actor's home shows.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.home.compose import build_home_view
from bot.deps import Deps
from bot.services.actor import Actor
from bot.services.home import gather_home
from handlers.actor import load_actor

log = logging.getLogger(__name__)


def publish_home(
    client: WebClient, deps: Deps, user_id: str, *, pages: dict[int, int] | None = None,
    actor: Actor | None = None,
) -> None:
    """Build the person's home from the database and publish it (views.publish); `actor` is
    theirs when the listener has already resolved it (else it is looked up here)."""
    actor = actor or load_actor(client, user_id, deps.settings.kickoff_admins)
    with deps.session_factory() as session:
        data = gather_home(session=session, actor=actor,
                           kickoff_admins=deps.settings.kickoff_admins, now=deps.clock.now())
        view = build_home_view(data, pages=pages, sharing=deps.registry.home_sharing())
    client.views_publish(user_id=user_id, view=view)


def answer_in_place(body: dict[str, Any], respond: Respond, **message: Any) -> None:
    """Replace the message whose button was clicked (`respond(**message)`); a click in the App
    Home has no message to replace (and no response_url): `refresh_home` answers it instead."""
    if body.get("response_url"):
        respond(**message)


def refresh_home(
    client: WebClient, deps: Deps, user_id: str, *, pages: dict[int, int] | None = None,
    actor: Actor | None = None,
) -> None:
    """Publish the actor's home again after their action. The action itself has succeeded by
    then, so a Slack failure here is logged, never shown to them as if the action had failed."""
    try:
        publish_home(client, deps, user_id, pages=pages, actor=actor)
    except SlackApiError as exc:
        log.warning("App Home of %s not refreshed: %s", user_id, exc.response.get("error"))
