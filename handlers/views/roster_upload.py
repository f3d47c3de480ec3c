"""The roster upload modal's submission: acknowledged at once; then the file is downloaded,
imported by the shell's own service, and the admin told the result by DM."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.roster_modals import build_working_view, read_roster_form
from bot.blocks.text import escape
from bot.deps import deps_of
from bot.ids import SetupField
from bot.services.roster_outcomes import upload_outcome
from bot.services.setup.policy import administered_program
from bot.slack.files import download_shared_file
from handlers.actor import load_actor
from handlers.home import refresh_home
from handlers.roster_directory import rate_limited_directory

NO_FILE = "Choose the roster file (CSV)."


def handle_roster_upload_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Close the modal with a note, then import (all rows or none) and DM the outcome."""
    program_id, file_id, _ = read_roster_form(view)
    if file_id is None:
        ack(response_action="errors", errors={SetupField.ROSTER_FILE: NO_FILE})
        return
    ack(response_action="update", view=build_working_view("Importing the roster."))
    deps = deps_of(context)
    user_id = body["user"]["id"]
    actor = load_actor(client, user_id, deps.settings.kickoff_admins)
    with deps.session_factory() as session:  # refused before anything is downloaded
        administered_program(session=session, program_id=program_id, actor=actor)
    content = download_shared_file(client, file_id)
    with deps.session_factory.begin() as session:
        program = administered_program(session=session, program_id=program_id, actor=actor)
        text = upload_outcome(session=session, program=program, content=content,
                              directory=rate_limited_directory(client, content),
                              now=deps.clock.now())
    refresh_home(client, deps, user_id, actor=actor)
    client.chat_postMessage(channel=user_id, text=escape(text))
