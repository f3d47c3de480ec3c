"""Rubric calibration's buttons: enablement's "Start a calibration" in the App Home, and a
manager's "Score the call" (in the request DM or the App Home); each opens its modal."""

from __future__ import annotations

from functools import partial
from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.calibration import build_score_modal, build_start_modal
from bot.blocks.metadata import read_int
from bot.deps import deps_of
from bot.domain.local_time import local_date
from bot.services.actor import Actor
from bot.services.tiers.calibration import calibrating_program, scoring_form
from handlers.program_modal import open_program_modal


def handle_home_calibration_start_action(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
    context: BoltContext,
) -> None:
    """Open the start modal for the program's enablement (anyone else is refused)."""
    ack()
    now = deps_of(context).clock.now()
    open_program_modal(body, action, client, context,
                       lambda program: build_start_modal(program.id, program.name,
                                                         today=local_date(now, program.timezone)),
                       check=partial(calibrating_program, now=now))


def handle_calibration_score_action(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
    context: BoltContext,
) -> None:
    """Open the scoring modal for a manager of the calibration's program, with their scores."""
    ack()
    deps = deps_of(context)
    with deps.session_factory() as session:
        calibration, _, earlier = scoring_form(
            session=session, calibration_id=read_int(action["value"]),
            actor=Actor(body["user"]["id"]), now=deps.clock.now())
        view = build_score_modal(calibration.id, calibration.program.name,
                                 calibration.call_link, earlier.scores() if earlier else None)
    client.views_open(trigger_id=body["trigger_id"], view=view)
