"""`/kickoff ooo [@person] FROM TO`: days away, nothing sent on them; `/kickoff ooo`: one's own."""

from __future__ import annotations

from datetime import date

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks.ooo import describe_range, ooo_set_text
from bot.deps import deps_of
from bot.domain.local_time import local_date
from bot.errors import InvalidInput
from bot.services.ooo_access import person_known, set_out_of_office_as
from bot.services.out_of_office import list_out_of_office
from handlers.actor import load_actor
from handlers.commands.log import MENTION
from handlers.home import refresh_home

USAGE = ("Use `/kickoff ooo 2026-01-12 2026-01-14` (both days included, your own time zone), "
         "`/kickoff ooo @rep FROM TO` for a rep you manage, or `/kickoff ooo` to see your days.")


def handle_ooo_command(
    *, args: str, user_id: str, client: WebClient, context: BoltContext, respond: Respond
) -> None:
    """Set days away for oneself or a mentioned person; without dates, list one's own."""
    words = args.split()
    mention = MENTION.fullmatch(words[0]) if words else None
    target = mention.group(1) if mention else user_id
    days = words[1:] if mention else words
    if not words:
        respond(text=own_days_text(context, user_id), response_type="ephemeral")
        return
    if len(days) != 2:
        raise InvalidInput(USAGE)
    first, last = (_day(word) for word in days)
    deps = deps_of(context)
    actor = load_actor(client, user_id, deps.settings.kickoff_admins)
    with deps.session_factory.begin() as session:
        outcome = set_out_of_office_as(session=session, actor=actor, target_slack_id=target,
                                       first_day=first, last_day=last, now=deps.clock.now())
    if outcome.errors:  # a refusal, said like any answer; nothing was changed
        respond(text=" ".join(outcome.errors.values()), response_type="ephemeral")
        return
    respond(text=ooo_set_text(outcome, by_themselves=target == user_id),
            response_type="ephemeral")
    refresh_home(client, deps, user_id, actor=actor)


def own_days_text(context: BoltContext, user_id: str) -> str:
    """The caller's days away from today on, and how to set more."""
    deps = deps_of(context)
    with deps.session_factory() as session:
        person = person_known(session=session, slack_user_id=user_id)
        since = local_date(deps.clock.now(), person.timezone)
        absences = list_out_of_office(session=session, workspace_id=person.workspace_id,
                                      person=person, since=since)
    lines = [f"• {describe_range(absence)}" for absence in absences]
    return "\n".join(["Your days out of office:", *lines] if lines
                     else ["You have no days out of office set."]) + f"\n{USAGE}"


def _day(word: str) -> date:
    try:
        return date.fromisoformat(word)
    except ValueError:
        raise InvalidInput(f"{word!r} is not a date like 2026-01-12. {USAGE}") from None
