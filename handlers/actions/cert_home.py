"""Enablement's App Home buttons: create a certification, and read one's answers."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.certification.modals import build_create_modal, build_note_view
from bot.blocks.metadata import read_int
from bot.blocks.text import escape
from bot.deps import deps_of
from bot.domain.certification.example import EXAMPLE
from bot.errors import NotAllowed
from bot.services.certification.missed import answer_key
from bot.services.certification.policy import NOT_ENABLEMENT
from bot.services.surveys.audience import workspace_id_of
from bot.services.surveys.policy import manageable_programs
from handlers.actor import load_actor


def handle_home_cert_create_action(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Open the create form, with the programs the actor runs."""
    ack()
    deps = deps_of(context)
    actor = load_actor(client, body["user"]["id"], deps.settings.kickoff_admins)
    with deps.session_factory() as session:
        programs = [(p.id, p.name) for p in manageable_programs(
            session=session, workspace_id=workspace_id_of(session, context.team_id),
            actor=actor)]
    if not programs:
        raise NotAllowed(NOT_ENABLEMENT)
    client.views_open(trigger_id=body["trigger_id"], view=build_create_modal(programs, EXAMPLE))


def handle_cert_key_action(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
    context: BoltContext,
) -> None:
    """The right answers and each rep's misses, for enablement only."""
    ack()
    deps = deps_of(context)
    actor = load_actor(client, body["user"]["id"], deps.settings.kickoff_admins)
    with deps.session_factory() as session:
        lines = answer_key(session=session, certification_id=read_int(action.get("value")),
                           actor=actor)
    text = "\n".join(f"• {escape(line)}" for line in lines)[:2900]
    client.views_open(trigger_id=body["trigger_id"], view=build_note_view("Answers", text))
