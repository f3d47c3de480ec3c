"""The create form's submission: the YAML read with its lines, the certification added."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.certification.modals import build_note_view
from bot.blocks.metadata import read_int
from bot.blocks.text import escape
from bot.deps import deps_of
from bot.domain.certification.cert_file import read_certification
from bot.errors import InvalidInput, NotFound
from bot.ids import CertField
from bot.services.certification.create import create_certification
from db.models import Program
from handlers.actor import load_actor
from handlers.home import refresh_home
from handlers.views.cert_attempt import input_value


def handle_cert_create_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext,
    client: WebClient,
) -> None:
    """Create the certification, or show every problem beside the YAML (nothing is added)."""
    deps = deps_of(context)
    state = view["state"]["values"]
    actor = load_actor(client, body["user"]["id"], deps.settings.kickoff_admins)
    try:
        spec = read_certification(input_value(state, CertField.DEFINITION) or "")
        with deps.session_factory.begin() as session:
            program = session.get(Program, read_int(input_value(state, CertField.PROGRAM)))
            if program is None:
                raise NotFound("Pick the program the certification is for.")
            made = create_certification(session=session, program=program, spec=spec,
                                        actor=actor, now=deps.clock.now())
            note = build_note_view("Certification created", (
                f"*{escape(made.name)}* ({made.stage}) opens on day {made.opens_day:+d} and is "
                f"due on day {made.due_day:+d}; reps are told when it opens."))
    except InvalidInput as refusal:
        ack(response_action="errors", errors={CertField.DEFINITION: str(refusal)[:2000]})
        return
    ack(response_action="update", view=note)
    refresh_home(client, deps, body["user"]["id"], actor=actor)
