"""The program modal's submission: every refusal shown at its input (the shell's rules, and
channels kickoff-bot cannot post to), else the program saved and the admin's home refreshed."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.program_modal import build_notice_view, read_program_form
from bot.blocks.text import escape
from bot.deps import deps_of
from bot.domain.program_spec import CHANNEL_ID
from bot.ids import ProgramField
from bot.services.program_form import check_program_form, submit_program_form
from bot.slack.channels import posting_problem
from handlers.actor import load_actor
from handlers.home import refresh_home

CHANNELS = (ProgramField.STANDUP_CHANNEL, ProgramField.AUDIT_CHANNEL)


def handle_program_setup_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Check, then create the draft (or save the edit); errors stay in the modal.

    A view submission's answer is its ack, and errors shown at their inputs must be known by
    then: so the only work before it is what those errors need (the form's checks, the channels
    kickoff-bot cannot post in, the actor), then one service call that decides and saves."""
    deps = deps_of(context)
    user_id = body["user"]["id"]
    program_id, raw = read_program_form(view)
    errors = check_program_form(raw)
    errors |= {field: problem for field in CHANNELS if field not in errors
               and (problem := _channel_problem(client, raw.get(field)))}
    if errors:
        ack(response_action="errors", errors=errors)
        return
    actor = load_actor(client, user_id, deps.settings.kickoff_admins)
    team = body.get("team") or {}
    today = deps.clock.now().astimezone(ZoneInfo(deps.settings.default_timezone)).date()
    with deps.session_factory.begin() as session:
        result = submit_program_form(
            session=session, actor=actor, team_id=str(team.get("id")),
            team_name=str(team.get("domain")), program_id=program_id, raw=raw, today=today,
        )
        name = result.program.name if result.program is not None else None
    if name is None:
        ack(response_action="errors", errors=result.errors)
        return
    ack(response_action="update",
        view=build_notice_view("Program saved", _notice(name, created=result.created)))
    refresh_home(client, deps, user_id, actor=actor)


def _channel_problem(client: WebClient, channel: object) -> str | None:
    """Why kickoff-bot cannot post in the chosen channel (only asked of a well-formed id)."""
    if not isinstance(channel, str) or not CHANNEL_ID.match(channel):
        return None
    return posting_problem(client, channel)


def _notice(name: str, *, created: bool) -> str:
    if created:
        return (f"*{escape(name)}* is a draft: nothing is sent until you launch it from your "
                "App Home. Next: upload its roster.")
    return f"*{escape(name)}* is saved. Planned messages follow the new settings."
