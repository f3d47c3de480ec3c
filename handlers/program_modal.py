"""The buttons that open a modal about the program on the button (the admin's App Home, the
read-out's "Record a decision", enablement's "Start a calibration"): the program is read back
from the button's value only through the service that checks the clicker may act on it, before
anything is built."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from slack_bolt import BoltContext
from slack_sdk import WebClient
from sqlalchemy.orm import Session

from bot.blocks.metadata import read_int
from bot.deps import deps_of
from bot.services.actor import Actor
from bot.services.setup.policy import administered_program
from db.models import Program
from handlers.actor import load_actor


class ProgramCheck(Protocol):
    """A service that returns the program if the actor may act on it, and refuses otherwise."""

    def __call__(self, *, session: Session, program_id: int, actor: Actor) -> Program: ...


def open_program_modal(
    body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext,
    build: Callable[[Program], dict[str, Any]], *, check: ProgramCheck = administered_program,
) -> None:
    """Open the modal `build` makes of the program on the button, for whom `check` lets act
    on it (by default, its administrators)."""
    deps = deps_of(context)
    actor = load_actor(client, body["user"]["id"], deps.settings.kickoff_admins)
    with deps.session_factory() as session:
        program = check(session=session, program_id=read_int(action.get("value")), actor=actor)
        view = build(program)
    client.views_open(trigger_id=body["trigger_id"], view=view)
