"""The program modal's submission: the form's own errors shown at their inputs, else the modal
acknowledged at once; then the channels are asked of Slack and the program saved (or nothing,
with the fix), and the admin told by DM."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.program_modal import build_notice_view, read_program_form
from bot.blocks.text import escape
from bot.deps import deps_of
from bot.errors import InvalidInput
from bot.ids import ProgramField
from bot.services.program_form import check_program_form, submit_program_form
from bot.slack.channels import ensure_postable
from handlers.actor import load_actor
from handlers.home import refresh_home

CHANNELS = (ProgramField.STANDUP_CHANNEL, ProgramField.AUDIT_CHANNEL)
SAVING = ("Checking the channels with Slack, then saving. The result comes in your DM with "
          "kickoff-bot in a moment.")
AGAIN = "submit the program again from your App Home"  # what to do after fixing a channel


def handle_program_setup_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Check the form, ack, then create the draft (or save the edit) if its channels can be
    posted in; a refusal after the ack reaches the admin by DM (the listener wrapper).

    A view submission's answer is its ack, due within 3 s: only the form's checks (no Slack,
    no database) come before it, so their errors stand at their inputs. Slack's answers about
    the channels may take longer, so they come after it, as for Launch and Resume."""
    deps = deps_of(context)
    today = deps.clock.now().astimezone(ZoneInfo(deps.settings.default_timezone)).date()
    program_id, raw = read_program_form(view)
    errors = check_program_form(raw, today=today)
    if errors:
        ack(response_action="errors", errors=errors)
        return
    ack(response_action="update", view=build_notice_view("Saving the program", SAVING))
    user_id = body["user"]["id"]
    actor = load_actor(client, user_id, deps.settings.kickoff_admins)
    # Asked before anything is saved: the form's channels are well-formed ids by now.
    ensure_postable(client, [raw[field] for field in CHANNELS], then=AGAIN)
    team = body.get("team") or {}
    with deps.session_factory.begin() as session:
        result = submit_program_form(
            session=session, actor=actor, team_id=str(team.get("id")),
            team_name=str(team.get("domain")), program_id=program_id, raw=raw, today=today,
        )
        if result.program is None:
            raise InvalidInput(" ".join(map(_sentence, result.errors.values())))
        name = result.program.name
    refresh_home(client, deps, user_id, actor=actor)
    client.chat_postMessage(channel=user_id, text=_notice(name, created=result.created))


def _sentence(error: str) -> str:
    """A field's error as a sentence of the DM (the modal showed it at its input, unstopped)."""
    return error if error.endswith(".") else f"{error}."


def _notice(name: str, *, created: bool) -> str:
    if created:
        return (f"*{escape(name)}* is a draft: nothing is sent until you launch it from your "
                "App Home. Next: upload its roster.")
    return f"*{escape(name)}* is saved. Planned messages follow the new settings."
