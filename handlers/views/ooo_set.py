"""The out-of-office modal's submission: the days recorded (for oneself, a rep one manages, or
anyone for an admin), refusals shown at their input, the home refreshed."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.ooo import ERROR_FIELDS, ooo_set_text, read_ooo_form
from bot.blocks.program_modal import build_notice_view
from bot.deps import deps_of
from bot.ids import SetupField
from bot.services.ooo_access import set_out_of_office_as
from handlers.actor import load_actor
from handlers.home import refresh_home

REQUIRED = "Please choose one."


def handle_ooo_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Record the range once (the same range twice changes nothing), then say what it did."""
    person, first, last = read_ooo_form(view)
    if person is None or first is None or last is None:
        missing = {SetupField.OOO_PERSON: person, SetupField.OOO_FIRST_DAY: first,
                   SetupField.OOO_LAST_DAY: last}
        ack(response_action="errors",
            errors={field: REQUIRED for field, value in missing.items() if value is None})
        return
    deps = deps_of(context)
    user_id = body["user"]["id"]
    actor = load_actor(client, user_id, deps.settings.kickoff_admins)
    with deps.session_factory.begin() as session:
        outcome = set_out_of_office_as(session=session, actor=actor, target_slack_id=person,
                                       first_day=first, last_day=last, now=deps.clock.now())
    if outcome.errors:
        ack(response_action="errors",
            errors={ERROR_FIELDS[kind]: message for kind, message in outcome.errors.items()})
        return
    text = ooo_set_text(outcome, by_themselves=person == user_id)
    ack(response_action="update", view=build_notice_view("Out of office", text))
    refresh_home(client, deps, user_id, actor=actor)
