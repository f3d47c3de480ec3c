""""Create a survey" in enablement's home: the same modal as `/kickoff survey`."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from handlers.commands.survey import open_create_survey_modal


def handle_home_survey_create_action(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Open the survey create modal (it checks who may run surveys)."""
    ack()
    context["trigger_id"] = body["trigger_id"]
    open_create_survey_modal(user_id=body["user"]["id"], client=client, context=context)
