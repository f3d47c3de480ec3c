"""Enablement's metric settings submitted: an error per bad target, else saved."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.metadata import read_int
from bot.blocks.metrics_settings import TARGET_BLOCK, TRACKED_BLOCK, target_block
from bot.deps import deps_of
from bot.ids import ActionId
from bot.services.metrics.settings import apply_settings
from handlers.home import refresh_home


def handle_metrics_settings_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient,
    context: BoltContext,
) -> None:
    """Save which metrics are tracked and their targets."""
    values = view["state"]["values"]
    tracked = (values.get(TRACKED_BLOCK, {}).get(ActionId.METRICS_SETTING) or {})
    enabled = {option["value"] for option in tracked.get("selected_options") or []}
    targets = {block[len(TARGET_BLOCK):]: (inputs.get(ActionId.METRICS_SETTING) or {})
               .get("value") for block, inputs in values.items()
               if block.startswith(TARGET_BLOCK)}
    deps = deps_of(context)
    with deps.session_factory.begin() as session:
        errors = apply_settings(session=session, program_id=read_int(view["private_metadata"]),
                                actor_user_id=body["user"]["id"], enabled=enabled,
                                targets=targets)
    if errors:
        ack(response_action="errors",
            errors={target_block(key): message for key, message in errors.items()})
        return
    ack()
    refresh_home(client, deps, body["user"]["id"])
