"""Driving the plans listeners as Slack does, on the coaching world's New York event
(Monday 11 January 2027, two days): clicks on the plan DMs and the two modals' submissions."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import ActionId, CallbackId, PlanField
from db.models import RepPlan
from tests.databases import Database
from tests.live import place_clock

Json = dict[str, Any]
BREAKOUT = datetime(2027, 1, 11, 19, 0, tzinfo=UTC)  # event day 1, 14:00 in New York
DURING = datetime(2027, 1, 11, 19, 30, tzinfo=UTC)
GOOD = {PlanField.GOAL: "$450k closed", PlanField.OBSTACLE_1: "Too few meetings with CFOs",
        PlanField.OBSTACLE_2: "", PlanField.FOCUS: "discovery",
        PlanField.COACHING_PLAN: "Review one discovery call a week", PlanField.AGREE: "agree"}


def plan_values(values: Mapping[PlanField, str | None]) -> dict[str, dict[str, Json]]:
    """The modal's state as Slack sends it back."""
    state: dict[str, dict[str, Json]] = {}
    for field, value in values.items():
        if field is PlanField.FOCUS:
            payload: Json = {"type": "static_select",
                             "selected_option": {"value": value} if value else None}
        elif field is PlanField.AGREE:
            payload = {"type": "checkboxes",
                       "selected_options": [{"value": value}] if value else []}
        else:
            payload = {"type": "plain_text_input", "value": value}
        state[field.value] = {field.value: payload}
    return state


def submit_plan(slack: SignedSender, user: str, program_id: int,
                values: Mapping[PlanField, str | None]) -> Json:
    """Submit the plan modal; returns the app's answer (the ack's body)."""
    response = slack.view_submission(
        user_id=user, callback_id=CallbackId.PLAN_FORM.value, values=plan_values(values),
        private_metadata=f'{{"program": {program_id}}}')
    assert response.status == 200
    assert response.json is not None
    return response.json


def submit_reason(slack: SignedSender, user: str, plan: RepPlan, reason: str) -> Json:
    """Submit "Ask to revise" with `reason`."""
    values = {PlanField.REVISE_REASON.value: {PlanField.REVISE_REASON.value: {
        "type": "plain_text_input", "value": reason}}}
    response = slack.view_submission(
        user_id=user, callback_id=CallbackId.PLAN_REVISE.value, values=values,
        private_metadata=f'{{"plan": {plan.id}, "revision": {plan.revision}}}')
    assert response.status == 200
    assert response.json is not None
    return response.json


def click(slack: SignedSender, user: str, action: ActionId, value: str) -> None:
    """Click a plan button in the user's DM (what they see is asserted, not the status)."""
    slack.action(user_id=user, action_id=action.value, value=value,
                 message={"ts": "1.0"}, channel_id=f"D{user}")


def answer_after(fake: FakeSlack, before: int) -> Json:
    """The next body posted to a response_url after `before` of them."""
    fake.wait_for(lambda: len(fake.responses) > before)
    return fake.responses[before]


def plans_of(database: Database, rep_id: int) -> list[RepPlan]:
    """Every version of the rep's plan, oldest first."""
    with database.session_factory() as session:
        query = select(RepPlan).where(RepPlan.rep_id == rep_id).order_by(RepPlan.version)
        return list(session.scalars(query))


def dms_starting(fake: FakeSlack, user: str, start: str) -> list[Json]:
    """The bot's DMs to `user` whose text starts with `start`."""
    return [m for m in fake.messages(fake.dm_channel(user)) if m["text"].startswith(start)]


def stand_at(fake: FakeSlack, instant: datetime = DURING) -> None:
    """Move the test's clock (the app's and the fake Slack's)."""
    place_clock(fake, instant)
