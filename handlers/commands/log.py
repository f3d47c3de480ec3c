"""`/kickoff log @rep`: the rep's coaching sessions, each with a button that opens its log."""

from __future__ import annotations

import re

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks.coaching.sessions import build_rep_sessions_message, rep_sessions_fallback
from bot.deps import deps_of
from bot.errors import InvalidInput
from bot.services.coaching.rep_sessions import sessions_to_log
from handlers.actor import load_actor

# With should_escape, Slack sends a mention as <@U123|name> (older clients: <@U123>).
MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
USAGE = "Name one rep as a mention, e.g. `/kickoff log @ana`."


def parse_rep_mention(args: str) -> str:
    """The Slack id of the one user mentioned in `args`."""
    match = MENTION.fullmatch(args.strip())
    if match is None:
        raise InvalidInput(USAGE)
    return match.group(1)


def handle_log_command(
    *, args: str, user_id: str, client: WebClient, context: BoltContext, respond: Respond
) -> None:
    """Answer the rep's manager (or an admin) with the rep's sessions; refuse anyone else."""
    rep_id = parse_rep_mention(args)
    deps = deps_of(context)
    actor = load_actor(client, user_id, deps.settings.kickoff_admins)
    with deps.session_factory.begin() as session:
        sessions = sessions_to_log(
            session=session, actor=actor, rep_slack_id=rep_id, now=deps.clock.now()
        )
        blocks = build_rep_sessions_message(sessions)
        text = rep_sessions_fallback(sessions)
    respond(text=text, blocks=blocks, response_type="ephemeral")
