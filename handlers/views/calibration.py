"""Rubric calibration's modals submitted: enablement's start (errors beside the input), and a
manager's five scores (saved privately, replacing earlier ones)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.calibration import read_score_form, read_start_form
from bot.deps import deps_of
from bot.errors import InvalidField, KickoffError
from bot.ids import CalibrationField
from bot.services.actor import Actor
from bot.services.tiers.calibration import record_scores, start_calibration
from handlers.actor import load_actor
from handlers.home import refresh_home


def handle_calibration_start_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Start the calibration (its requests queued), or say why not beside the input."""
    deps = deps_of(context)
    user_id = body["user"]["id"]
    actor = load_actor(client, user_id, deps.settings.kickoff_admins)
    program_id, link, closes_on = read_start_form(view)
    try:
        with deps.session_factory.begin() as session:
            start_calibration(session=session, program_id=program_id, actor=actor,
                              call_link=link, closes_on=closes_on, now=deps.clock.now())
    except InvalidField as refusal:
        ack(response_action="errors", errors={refusal.field: refusal.message})
        return
    except KickoffError as refusal:  # not allowed, or the program has ended
        ack(response_action="errors", errors={CalibrationField.CALL_LINK: str(refusal)})
        return
    ack()
    refresh_home(client, deps, user_id, actor=actor)


def handle_calibration_score_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Save the manager's scores, or show which input lacks one."""
    deps = deps_of(context)
    user_id = body["user"]["id"]
    calibration_id, values = read_score_form(view)
    with deps.session_factory.begin() as session:
        errors = record_scores(session=session, calibration_id=calibration_id,
                               actor=Actor(user_id), values=values, now=deps.clock.now())
    if errors:
        ack(response_action="errors", errors=errors)
        return
    ack()
    refresh_home(client, deps, user_id)
