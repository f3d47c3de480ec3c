"""Driving the coaching listeners as Slack does: clicks, outcome switches and modal submissions.

The program is placed around `LIVE_NOW` (handlers read the clock, moved there): week 2 is its week.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

from bot.fakeslack import FakeSlack, SignedSender, SlackResponse
from bot.ids import ActionId, CallbackId, CoachingField
from db.models import CadenceType, CoachingItem, LoggedStatus
from tests.coaching_world import World, build_world, item_of, materialise
from tests.databases import Database
from tests.live import LIVE_DAY, LIVE_NOW, place_clock

Json = dict[str, Any]


def build_live_world(database: Database, fake: FakeSlack) -> World:
    """The 3-manager, 10-rep program whose week 2 is LIVE_NOW's, every day a working day."""
    place_clock(fake)
    with database.session_factory.begin() as session:
        world = build_world(session, fake, kickoff_date=LIVE_DAY - timedelta(days=8),
                            event_days=1, timezone="UTC", holidays=[],
                            working_days=[1, 2, 3, 4, 5, 6, 7])
        materialise(session, world, LIVE_NOW)
        return world


def item(database: Database, world: World, rep: str, cadence: CadenceType) -> CoachingItem:
    """The rep's week-2 item of `cadence`, as stored now."""
    with database.session_factory() as session:
        return item_of(session, world, rep, cadence, 2)


def click_log(slack: SignedSender, user: str, item_id: int) -> SlackResponse:
    """Click "Log" in the user's DM.

    Not checked here: when a listener raises right after ack(), Bolt's thread runner may drop
    the ack and answer 404 after 3 s (the refusal still reaches the user); see the report.
    """
    return slack.action(user_id=user, action_id=ActionId.COACHING_LOG.value,
                        value=str(item_id), channel_id=f"D{user}")


def opened_view(fake: FakeSlack, count: int = 1) -> Json:
    """The view of the `count`-th views.open call, once it was made."""
    fake.wait_for(lambda: len(fake.calls_to("views.open")) >= count)
    view = fake.calls_to("views.open")[count - 1].params["view"]
    assert isinstance(view, dict)
    return view


def stored_view(fake: FakeSlack) -> Json:
    """The last modal the fake holds (with its id and hash)."""
    views = [v for v in fake.views.values() if v["callback_id"] == CallbackId.COACHING_LOG.value]
    return views[-1]


def switch_outcome(slack: SignedSender, user: str, view: Json, outcome: LoggedStatus) -> None:
    """Choose held / rescheduled / skipped in the open modal."""
    ws = slack.fake.workspace
    payload = {
        "type": "block_actions", "token": "t", "api_app_id": ws.app_id,
        "team": {"id": ws.team_id, "domain": ws.team_domain},
        "user": {"id": user, "username": user.lower(), "team_id": ws.team_id},
        "trigger_id": slack.fake.trigger_id(), "container": {"type": "view", "view_id": view["id"]},
        "view": view,
        "actions": [{
            "type": "radio_buttons", "action_id": ActionId.COACHING_OUTCOME.value,
            "block_id": CoachingField.OUTCOME.value, "action_ts": "1.0",
            "selected_option": {"value": outcome.value, "text": {"type": "plain_text",
                                                                  "text": outcome.value}},
        }],
    }
    body = urlencode({"payload": json.dumps(payload)}).encode()
    assert slack.send_raw(body, {"Content-Type": "application/x-www-form-urlencoded"}).status == 200


def submit(
    slack: SignedSender, user: str, item_id: int, outcome: LoggedStatus,
    values: dict[CoachingField, str],
) -> Json:
    """Submit the log modal with these raw values; returns Bolt's answer (the ack body)."""
    state = {f.value: {f.value: _payload(f, value)} for f, value in values.items()}
    response: SlackResponse = slack.view_submission(
        user_id=user, callback_id=CallbackId.COACHING_LOG.value, values=state,
        private_metadata=json.dumps({"item": item_id, "outcome": outcome.value}),
    )
    assert response.status == 200
    assert response.json is not None
    return response.json


def _payload(field: CoachingField, value: str) -> Json:
    if field in {CoachingField.HELD_ON, CoachingField.RESCHEDULED_TO}:
        return {"type": "datepicker", "selected_date": value}
    if field.startswith("score_") or field == CoachingField.PIPELINE_REVIEWED:
        return {"type": "static_select", "selected_option": {"value": value}}
    if field == CoachingField.BEHAVIOUR_CHANGED:
        return {"type": "radio_buttons", "selected_option": {"value": value}}
    return {"type": "plain_text_input", "value": value}


def ephemeral_after(fake: FakeSlack, before: int) -> Json:
    """The next body posted to a response_url after `before` of them."""
    fake.wait_for(lambda: len(fake.responses) > before)
    return fake.responses[before]
