"""The channel sync modal's submission: acknowledged at once; then the channel's people (no
bots, guests or deactivated accounts) become the reps, the file gives everyone else, and the
admin is told the result by DM."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.roster_modals import build_working_view, read_roster_form
from bot.blocks.text import escape
from bot.deps import deps_of
from bot.ids import SetupField
from bot.services.roster_checks import DirectoryUser
from bot.services.roster_outcomes import sync_outcome
from bot.services.setup.policy import administered_program
from bot.slack.channels import channel_people
from bot.slack.files import download_shared_file
from handlers.actor import load_actor
from handlers.home import refresh_home
from handlers.roster_directory import rate_limited_directory
from handlers.views.roster_upload import NO_FILE

NO_CHANNEL = "Choose the channel whose members are the reps."


def handle_roster_sync_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Close the modal with a note, then sync (all rows or none) and DM the outcome."""
    program_id, file_id, channel = read_roster_form(view)
    if file_id is None or channel is None:
        errors: dict[str, str] = {SetupField.ROSTER_FILE: NO_FILE} if file_id is None else {}
        ack(response_action="errors",
            errors=errors | ({SetupField.SYNC_CHANNEL: NO_CHANNEL} if channel is None else {}))
        return
    ack(response_action="update", view=build_working_view("Syncing the reps."))
    deps = deps_of(context)
    user_id = body["user"]["id"]
    actor = load_actor(client, user_id, deps.settings.kickoff_admins)
    with deps.session_factory() as session:  # refused before Slack is asked anything
        administered_program(session=session, program_id=program_id, actor=actor)
    sources = _from_slack(client, channel, file_id)
    with deps.session_factory.begin() as session:
        program = administered_program(session=session, program_id=program_id, actor=actor)
        text = sync_outcome(session=session, program=program, content=sources.content,
                            channel_name=sources.channel_name, people=sources.people,
                            left_out=sources.left_out,
                            directory=rate_limited_directory(client, sources.content),
                            now=deps.clock.now())
    refresh_home(client, deps, user_id, actor=actor)
    client.chat_postMessage(channel=user_id, text=escape(text))



@dataclass(frozen=True)
class _Sources:
    people: list[DirectoryUser]
    left_out: int
    channel_name: str
    content: bytes


def _from_slack(client: WebClient, channel: str, file_id: str) -> _Sources:
    """The channel's people (and how many were left out), its name, and the file's bytes."""
    people, left_out = channel_people(client, channel)
    name = str(client.conversations_info(channel=channel)["channel"].get("name") or channel)
    return _Sources(people, left_out, name, download_shared_file(client, file_id))
