"""Submitting the program modal as Slack does: raw element states built from plain values."""

from __future__ import annotations

from typing import Any

from bot.fakeslack import SignedSender, SlackResponse
from bot.ids import CallbackId
from bot.ids import ProgramField as F

Json = dict[str, Any]
SELECTS = (F.EVENT_DAYS, F.STANDUP_DAYS, F.COACHING_DUE_WEEKDAY, F.ONE_ON_ONE_TARGET,
           F.BASELINE_COMPLETION, F.READOUT_DAY)


def element_state(field: F, value: Any) -> Json:
    """The state Slack sends for one input of the modal holding `value`."""
    if field in (F.STANDUP_CHANNEL, F.AUDIT_CHANNEL):
        return {"type": "conversations_select", "selected_conversation": value}
    if field is F.KICKOFF_DATE:
        return {"type": "datepicker", "selected_date": value}
    if field in (F.WORK_START, F.WORK_END, F.STANDUP_TIME, F.REMINDER_TIME):
        return {"type": "timepicker", "selected_time": value}
    if field is F.WORKING_DAYS:
        return {"type": "checkboxes", "selected_options": [{"value": str(day)} for day in value]}
    if field in SELECTS:
        return {"type": "static_select", "selected_option": {"value": str(value)}}
    return {"type": "plain_text_input", "value": value}


def submit_program(
    slack: SignedSender, user_id: str, values: dict[F, Any], *, program_id: int | None = None
) -> Json:
    """Submit the modal with these values; returns the app's answer (the ack body)."""
    state = {field.value: {field.value: element_state(field, value)}
             for field, value in values.items()}
    response: SlackResponse = slack.view_submission(
        user_id=user_id, callback_id=CallbackId.PROGRAM_SETUP, values=state,
        private_metadata=f'{{"program": {"null" if program_id is None else program_id}}}',
    )
    assert response.status == 200, response.body
    return response.json or {}
