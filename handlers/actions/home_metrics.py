"""The App Home's behaviour buttons: a manager's own reps' numbers, enablement's settings
and upload."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.home.metrics import build_reps_numbers_view
from bot.blocks.metadata import read_int, read_metadata
from bot.blocks.metrics_settings import build_metrics_settings_modal
from bot.blocks.metrics_upload import build_metrics_upload_modal
from bot.deps import deps_of
from bot.services.metrics.home import team_numbers
from bot.services.metrics.settings import settings_form


def handle_home_metrics_reps_action(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
    context: BoltContext,
) -> None:
    """Open the modal of the manager's own reps' numbers (anyone else is refused)."""
    ack()
    data = read_metadata(action["value"], "p", "m")
    deps = deps_of(context)
    with deps.session_factory() as session:
        program, week, reps = team_numbers(
            session=session, program_id=read_int(data["p"]), manager_id=read_int(data["m"]),
            actor_user_id=body["user"]["id"], now=deps.clock.now())
        view = build_reps_numbers_view(program.name, week, reps)
    client.views_open(trigger_id=body["trigger_id"], view=view)


def handle_home_metrics_settings_action(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
    context: BoltContext,
) -> None:
    """Open enablement's metric settings (anyone else is refused)."""
    ack()
    with deps_of(context).session_factory() as session:
        program, metrics = settings_form(session=session, program_id=read_int(action["value"]),
                                         actor_user_id=body["user"]["id"])
        view = build_metrics_settings_modal(program_id=program.id, program=program.name,
                                            metrics=metrics)
    client.views_open(trigger_id=body["trigger_id"], view=view)


def handle_home_metrics_upload_action(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
    context: BoltContext,
) -> None:
    """Open the upload modal (anyone but the program's enablement and admins is refused)."""
    ack()
    with deps_of(context).session_factory() as session:
        program, _ = settings_form(session=session, program_id=read_int(action["value"]),
                                   actor_user_id=body["user"]["id"])
        view = build_metrics_upload_modal(program_id=program.id, program=program.name)
    client.views_open(trigger_id=body["trigger_id"], view=view)
