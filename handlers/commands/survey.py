"""`/kickoff survey` (the create modal) and `/kickoff survey status` (counts, "Close now")."""

from __future__ import annotations

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks.survey import build_create_survey_modal
from bot.blocks.survey_messages import build_status_message, status_fallback
from bot.deps import deps_of
from bot.errors import InvalidInput, NotAllowed
from bot.services.surveys.audience import workspace_id_of
from bot.services.surveys.policy import NOT_ALLOWED, manageable_programs
from bot.services.surveys.status import survey_overviews
from handlers.actor import load_actor

USAGE = "Use `/kickoff survey` to create a survey, or `/kickoff survey status` to follow them."


def handle_survey_command(
    *, args: str, user_id: str, client: WebClient, context: BoltContext, respond: Respond
) -> None:
    """Open the create modal, or answer with the status of the actor's surveys."""
    if args.lower() == "status":
        handle_survey_status_command(user_id=user_id, client=client, context=context,
                                     respond=respond)
    elif not args:
        open_create_survey_modal(user_id=user_id, client=client, context=context)
    else:
        raise InvalidInput(USAGE)


def open_create_survey_modal(*, user_id: str, client: WebClient, context: BoltContext) -> None:
    """The create modal, listing the programs the actor may run surveys for."""
    deps = deps_of(context)
    actor = load_actor(client, user_id, deps.settings.kickoff_admins)
    with deps.session_factory() as session:
        programs = manageable_programs(
            session=session, workspace_id=workspace_id_of(session, context.team_id),
            actor=actor,
        )
        if not programs:
            raise NotAllowed(NOT_ALLOWED)
        view = build_create_survey_modal(programs)
    client.views_open(trigger_id=context["trigger_id"], view=view)


def handle_survey_status_command(
    *, user_id: str, client: WebClient, context: BoltContext, respond: Respond
) -> None:
    """How many people answered each survey (never who), with "Close now" for open ones."""
    deps = deps_of(context)
    actor = load_actor(client, user_id, deps.settings.kickoff_admins)
    now = deps.clock.now()
    with deps.session_factory() as session:
        overviews = survey_overviews(
            session=session, workspace_id=workspace_id_of(session, context.team_id),
            actor=actor, now=now,
        )
        blocks, text = build_status_message(overviews, now=now), status_fallback(overviews)
    respond(text=text, blocks=blocks, response_type="ephemeral")
