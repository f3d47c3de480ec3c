""""Close now" in `/kickoff survey status`: close early, results (or nothing) to the channel."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks.metadata import read_int
from bot.blocks.survey_messages import build_status_message, status_fallback
from bot.deps import deps_of
from bot.services.surveys.audience import workspace_id_of
from bot.services.surveys.close import close_early
from bot.services.surveys.sealing import holding_key
from bot.services.surveys.status import survey_overviews
from handlers.actor import load_actor
from handlers.home import answer_in_place, refresh_home


def handle_survey_close_action(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
    context: BoltContext, respond: Respond,
) -> None:
    """Close the survey for enablement of its program (or an admin), then show the new status."""
    ack()
    deps = deps_of(context)
    actor = load_actor(client, body["user"]["id"], deps.settings.kickoff_admins)
    now = deps.clock.now()
    with deps.session_factory.begin() as session:
        close_early(session=session, survey_id=read_int(action.get("value")), actor=actor, now=now,
                    key=holding_key(deps.settings.signing_secret()))
        overviews = survey_overviews(
            session=session, workspace_id=workspace_id_of(session, context.team_id),
            actor=actor, now=now,
        )
        blocks, text = build_status_message(overviews, now=now), status_fallback(overviews)
    answer_in_place(body, respond, replace_original=True, text=text, blocks=blocks)
    refresh_home(client, deps, body["user"]["id"], actor=actor)
