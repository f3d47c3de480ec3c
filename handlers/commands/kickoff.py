"""`/kickoff SUBCOMMAND ...`: acknowledge at once, then route to the subcommand's handler."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.errors import InvalidInput
from handlers.commands.audit import handle_audit_command
from handlers.commands.help import handle_help_command
from handlers.commands.log import handle_log_command
from handlers.commands.ooo import handle_ooo_command
from handlers.commands.standup import handle_standup_command
from handlers.commands.status import handle_status_command
from handlers.commands.survey import handle_survey_command

Subcommand = Callable[..., None]

SUBCOMMANDS: dict[str, Subcommand] = {
    "help": handle_help_command,
    "status": handle_status_command,
    "log": handle_log_command,
    "standup": handle_standup_command,
    "survey": handle_survey_command,
    "ooo": handle_ooo_command,
    "audit": handle_audit_command,
}


def handle_kickoff_command(
    ack: Ack, command: dict[str, Any], client: WebClient, context: BoltContext, respond: Respond
) -> None:
    """Route `/kickoff` to a subcommand; unknown ones get a pointer to help."""
    ack()
    name, _, args = command.get("text", "").strip().partition(" ")
    subcommand = SUBCOMMANDS.get(name.lower() or "help")
    if subcommand is None:
        raise InvalidInput(f"`/kickoff {name}` is not a command. Try `/kickoff help`.")
    context["trigger_id"] = command.get("trigger_id")  # for subcommands that open a modal
    subcommand(
        args=args.strip(),
        user_id=command["user_id"],
        client=client,
        context=context,
        respond=respond,
    )
