"""The admin's App Home buttons that open a modal about the program on the button: the program
is read back from the button's value only through the service that checks the clicker
administers it, before anything is built."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.blocks.metadata import read_int
from bot.deps import deps_of
from bot.services.setup.policy import administered_program
from db.models import Program
from handlers.actor import load_actor


def open_program_modal(
    body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext,
    build: Callable[[Program], dict[str, Any]],
) -> None:
    """Open the modal `build` makes of the program on the button, for its administrators."""
    deps = deps_of(context)
    actor = load_actor(client, body["user"]["id"], deps.settings.kickoff_admins)
    with deps.session_factory() as session:
        program = administered_program(session=session, program_id=read_int(action.get("value")),
                                       actor=actor)
        view = build(program)
    client.views_open(trigger_id=body["trigger_id"], view=view)
