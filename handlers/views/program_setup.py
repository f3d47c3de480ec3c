"""The program modal's submission: every refusal shown at its input (the shell's rules, and
channels kickoff-bot cannot post to), else the program saved and the admin's home refreshed."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.program_modal import build_notice_view, read_program_form
from bot.blocks.text import escape
from bot.deps import Deps, deps_of
from bot.ids import ProgramField
from bot.services.actor import Actor
from bot.services.program_form import check_program_form, save_program_form
from bot.services.program_spec import CHANNEL_ID
from bot.services.setup.policy import REFUSAL, may_create, program_to_edit
from bot.services.workspaces import ensure_workspace
from bot.slack_channels import posting_problem
from db.models import Workspace
from handlers.actor import load_actor
from handlers.home import refresh_home

CHANNELS = (ProgramField.STANDUP_CHANNEL, ProgramField.AUDIT_CHANNEL)


def handle_program_setup_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Check, then create the draft (or save the edit); errors stay in the modal."""
    deps = deps_of(context)
    user_id = body["user"]["id"]
    program_id, raw = read_program_form(view)
    errors = check_program_form(raw)
    errors |= {field: problem for field in CHANNELS if field not in errors
               and (problem := _channel_problem(client, raw.get(field)))}
    notice = None
    if not errors:
        actor = load_actor(client, user_id, deps.settings.kickoff_admins)
        notice, errors = _save(deps, actor, body.get("team") or {}, program_id, raw)
    if errors or notice is None:
        ack(response_action="errors", errors=errors)
        return
    ack(response_action="update", view=build_notice_view("Program saved", notice))
    refresh_home(client, deps, user_id)


def _save(
    deps: Deps, actor: Actor, team: dict[str, Any], program_id: int | None, raw: dict[str, Any]
) -> tuple[str | None, dict[str, str]]:
    """Create or edit the program in one unit of work: what to tell the admin, or the errors."""
    today = deps.clock.now().astimezone(ZoneInfo(deps.settings.default_timezone)).date()
    with deps.session_factory.begin() as session:
        if program_id is None:
            if not may_create(session=session, actor=actor):
                return None, {ProgramField.NAME: REFUSAL}
            program = None
            workspace = ensure_workspace(session=session, team_id=str(team.get("id")),
                                         name=str(team.get("domain")))
        else:
            found = program_to_edit(session=session, program_id=program_id, actor=actor)
            if isinstance(found, str):
                return None, {ProgramField.NAME: found}
            program = found
            workspace = session.get_one(Workspace, program.workspace_id)
        result = save_program_form(session=session, workspace=workspace, program=program,
                                   raw=raw, today=today)
        if result.program is None:
            return None, result.errors
        return _notice(result.program.name, created=program is None), {}


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
