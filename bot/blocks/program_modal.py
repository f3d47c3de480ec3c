"""The program modal (create or edit): every setting the shell offers, one input each, named
after its ProgramSpec field so a refusal lands on the right input; and reading it back."""

from __future__ import annotations

import json
from typing import Any

from bot.blocks.metadata import read_int, read_metadata
from bot.blocks.text import Block, plain
from bot.domain.program_spec import ProgramSpec
from bot.ids import CallbackId
from bot.ids import ProgramField as F

View = dict[str, Any]
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
CHANNEL_FILTER = {"include": ["public", "private"], "exclude_bot_users": True,
                  "exclude_external_shared_channels": True}
LABELS = {
    F.NAME: "Program name", F.KICKOFF_DATE: "First day of the kickoff event",
    F.EVENT_DAYS: "Length of the event", F.TIMEZONE: "Time zone of the program",
    F.STANDUP_CHANNEL: "Channel for standup answers", F.AUDIT_CHANNEL: "Channel for the audit",
    F.WORKING_DAYS: "Working days", F.HOLIDAYS: "Holidays (no sends)",
    F.WORK_START: "Working hours start (each person's own time)",
    F.WORK_END: "Working hours end",
    F.STANDUP_TIME: "Standup prompt time (each rep's own time)",
    F.REMINDER_TIME: "Standup reminder time", F.STANDUP_DAYS: "Standup days in week 1",
    F.COACHING_DUE_WEEKDAY: "Coaching due each week by",
    F.ONE_ON_ONE_TARGET: "Audit: 1:1 completion target",
    F.BASELINE_COMPLETION: "Audit: typical completion before",
    F.READOUT_DAY: "Governance read-out on day",
}
HINTS = {
    F.TIMEZONE: "An IANA name such as America/New_York or Europe/Berlin.",
    F.STANDUP_CHANNEL: "Invite kickoff-bot to the channel first: /invite @kickoff-bot",
    F.AUDIT_CHANNEL: "Where leadership reads the weekly audit; invite kickoff-bot to it.",
    F.HOLIDAYS: "Dates like 2027-01-18, one per line or separated by commas.",
    F.WORK_START: "The bot's DMs wait for these hours (on the event's days, in the program's "
                  "zone); standup, reminder and survey times must fall inside them.",
    F.STANDUP_DAYS: "Working days after the event with a daily standup.",
    F.BASELINE_COMPLETION: "Manager 1:1 completion before the kickoff (typically 60%).",
    F.READOUT_DAY: "Days after the kickoff; day 32 is the usual governance review.",
}
TIMES = (F.WORK_START, F.WORK_END, F.STANDUP_TIME, F.REMINDER_TIME)
SELECTS = (F.EVENT_DAYS, F.STANDUP_DAYS, F.COACHING_DUE_WEEKDAY, F.ONE_ON_ONE_TARGET,
           F.BASELINE_COMPLETION, F.READOUT_DAY)


def build_program_modal(spec: ProgramSpec | None, *, program_id: int | None,
                        default_timezone: str) -> View:
    """The modal, empty (with the shell's defaults) to create, or filled from `spec` to edit."""
    values = _initial(spec, default_timezone)
    blocks = [_input(field, _element(field, values.get(field))) for field in F]
    return {
        "type": "modal", "callback_id": CallbackId.PROGRAM_SETUP,
        "title": plain("Edit program" if program_id else "New program"),
        "submit": plain("Save" if program_id else "Create draft"), "close": plain("Cancel"),
        "private_metadata": json.dumps({"program": program_id}), "blocks": blocks,
    }


def _initial(spec: ProgramSpec | None, default_timezone: str) -> dict[F, Any]:
    """Initial values by field: the spec's, else the shell's defaults."""
    if spec is not None:
        current = spec.model_dump()
    else:
        current = {name: info.default for name, info in ProgramSpec.model_fields.items()
                   if not info.is_required()} | {"timezone": default_timezone}
    return {field: current.get(field.value) for field in F}


def _element(field: F, value: Any) -> Block:
    """The input element of one field, with its current value."""
    element: Block
    if field in (F.STANDUP_CHANNEL, F.AUDIT_CHANNEL):
        element = {"type": "conversations_select", "filter": CHANNEL_FILTER}
        element |= {"initial_conversation": value} if value else {}
    elif field is F.KICKOFF_DATE:
        element = {"type": "datepicker"} | ({"initial_date": value.isoformat()} if value else {})
    elif field in TIMES:
        element = {"type": "timepicker", "initial_time": f"{value:%H:%M}"}
    elif field is F.WORKING_DAYS:
        options = [_option(day, str(n)) for n, day in enumerate(WEEKDAYS, start=1)]
        element = {"type": "checkboxes", "options": options,
                   "initial_options": [options[n - 1] for n in value]}
    elif field in SELECTS:
        element = _select(field, value)
    else:
        element = {"type": "plain_text_input", "multiline": field is F.HOLIDAYS}
        text = "\n".join(day.isoformat() for day in value) if field is F.HOLIDAYS else value
        element |= {"initial_value": text} if text else {}
    return element | {"action_id": field.value}


def _select(field: F, value: float) -> Block:
    """A static select; a current value the list lacks (set from the shell) is added to it."""
    labels = _choices(field)
    if field in (F.ONE_ON_ONE_TARGET, F.BASELINE_COMPLETION) and str(value) not in [
            key for _, key in labels]:
        labels.append((f"{value * 100:g}%", str(value)))
    options = [_option(label, key) for label, key in labels]
    chosen = [option for option in options if option["value"] == str(value)]
    return {"type": "static_select", "options": options} | (
        {"initial_option": chosen[0]} if chosen else {})


def _choices(field: F) -> list[tuple[str, str]]:
    """(label, value) of each option of a select field."""
    if field is F.EVENT_DAYS:
        return [("1 day", "1"), ("2 days", "2")]
    if field is F.STANDUP_DAYS:
        return [(f"{n} days", str(n)) for n in range(1, 11)]
    if field is F.READOUT_DAY:
        return [(f"day {n}", str(n)) for n in range(30, 61)]
    if field in (F.ONE_ON_ONE_TARGET, F.BASELINE_COMPLETION):
        return [(f"{n}%", str(n / 100)) for n in range(100, -1, -5)]
    return [(day, str(n)) for n, day in enumerate(WEEKDAYS, start=1)]


def _option(label: str, value: str) -> dict[str, Any]:
    return {"text": plain(label), "value": value}


def _input(field: F, element: Block) -> Block:
    block: Block = {"type": "input", "block_id": field.value, "label": plain(LABELS[field]),
                    "element": element, "optional": field is F.HOLIDAYS}
    if field in HINTS:
        block["hint"] = plain(HINTS[field])
    return block


def read_program_form(view: View) -> tuple[int | None, dict[str, Any]]:
    """The program id the modal edits (None: a new one), and the raw values by field name."""
    state = view["state"]["values"]
    values: dict[str, Any] = {}
    for field in F:
        element = state.get(field.value, {}).get(field.value) or {}
        value = _value_of(element)
        if value is not None:
            values[field.value] = value
    program = read_metadata(view.get("private_metadata") or "{}").get("program")
    return (read_int(program) if program is not None else None), values


def _value_of(element: dict[str, Any]) -> Any:
    """What one element holds, whatever its type (None when nothing was given)."""
    if "selected_options" in element:
        return [option["value"] for option in element["selected_options"] or []]
    if element.get("selected_option"):
        return element["selected_option"]["value"]
    for key in ("selected_conversation", "selected_date", "selected_time", "value"):
        if element.get(key) is not None:
            return element[key]
    return None


def build_notice_view(title: str, text: str) -> View:
    """A modal that only says something (what a submission did, or why it did nothing)."""
    return {"type": "modal", "title": plain(title[:24]), "close": plain("Close"),
            "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": text}}]}
