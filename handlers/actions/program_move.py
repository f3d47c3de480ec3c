"""Launch, Pause, Resume and End in the admin's home; a second click changes nothing."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.metadata import read_int
from bot.deps import deps_of
from bot.ids import ActionId
from bot.services.launch import move_program
from bot.services.setup.policy import administered_program
from bot.slack.channels import ensure_postable
from handlers.actor import load_actor
from handlers.home import refresh_home

MOVES = {
    ActionId.PROGRAM_LAUNCH: "launch",
    ActionId.PROGRAM_PAUSE: "pause",
    ActionId.PROGRAM_RESUME: "resume",
    ActionId.PROGRAM_END: "end",
}


POSTING_MOVES = ("launch", "resume")  # the moves after which the bot posts in the channels


def handle_program_move_action(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
    context: BoltContext,
) -> None:
    """Move the program (launch welcomes every member through the outbox), then show it."""
    ack()
    deps = deps_of(context)
    user_id = body["user"]["id"]
    actor = load_actor(client, user_id, deps.settings.kickoff_admins)
    move = MOVES[ActionId(action["action_id"])]
    with deps.session_factory.begin() as session:
        program = administered_program(session=session, program_id=read_int(action.get("value")),
                                       actor=actor)
        if move in POSTING_MOVES:  # after the ack: Slack's answers may take longer than 3 s
            ensure_postable(client, [program.standup_channel, program.audit_channel],
                            then=f"click {move.title()} again")
        move_program(session=session, program=program, action=move, now=deps.clock.now())
    refresh_home(client, deps, user_id, actor=actor)

