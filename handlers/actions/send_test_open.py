""""Send me a test" in the admin's home: choose which of the program's messages to preview."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.send_test import build_send_test_modal
from bot.deps import deps_of
from bot.features.samples import sample_kinds
from handlers.program_modal import open_program_modal


def handle_send_test_open_action(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
    context: BoltContext,
) -> None:
    """Open the modal listing a welcome per role and every kind the planners send."""
    ack()
    deps = deps_of(context)
    kinds = sample_kinds(deps.registry.planners(deps.settings))
    open_program_modal(body, action, client, context,
                       lambda program: build_send_test_modal(program, kinds))
