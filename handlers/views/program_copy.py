"""The copy modal's submission: a missing field beside its input; otherwise the modal says it
is working, the draft is made (its roster re-resolved in Slack) and the admin gets the outcome
by DM, their App Home refreshed."""

from __future__ import annotations

from datetime import date
from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.program_copy import read_program_copy_form
from bot.blocks.roster_modals import build_working_view
from bot.blocks.text import escape
from bot.deps import deps_of
from bot.domain.local_time import local_date
from bot.errors import KickoffError
from bot.ids import CopyField
from bot.services.ledger.copy import copy_program, describe_copy
from bot.services.setup.policy import administered_program
from bot.slack.directory import member_directory
from handlers.actor import load_actor
from handlers.home import refresh_home


def handle_program_copy_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Make the copy and DM what came along (or why nothing did)."""
    program_id, name, picked = read_program_copy_form(view)
    if not name or not picked:
        field = CopyField.NAME if not name else CopyField.KICKOFF_DATE
        ack(response_action="errors", errors={field: "Please fill this in."})
        return
    ack(response_action="update", view=build_working_view("Making the draft."))
    deps = deps_of(context)
    user_id = body["user"]["id"]
    actor = load_actor(client, user_id, deps.settings.kickoff_admins)
    try:
        with deps.session_factory.begin() as session:
            source = administered_program(session=session, program_id=program_id, actor=actor)
            outcome = copy_program(
                session=session, source=source, name=name, kickoff_date=date.fromisoformat(picked),
                directory=member_directory(client, len(source.memberships)),
                hooks=deps.registry.copy_hooks(),
                today=local_date(deps.clock.now(), deps.settings.default_timezone))
            text = describe_copy(source, outcome)
    except KickoffError as refusal:
        text = f"No copy was made: {refusal}"
    refresh_home(client, deps, user_id, actor=actor)
    client.chat_postMessage(channel=user_id, text=escape(text))
