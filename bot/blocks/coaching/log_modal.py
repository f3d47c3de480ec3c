"""The log modal of one coaching item: held (fields per cadence type), rescheduled or skipped."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.blocks.coaching.describe import cadence_label, due_text
from bot.blocks.coaching.modal_inputs import (
    date_input,
    number_input,
    options_input,
    text_input,
    url_input,
)
from bot.blocks.metadata import read_int, read_member, read_metadata
from bot.blocks.plans.summary import plan_blocks
from bot.blocks.text import Block, context, escape, plain, section
from bot.domain.coaching.log_form import MINUTES, NOTES_LIMIT, REASON_LIMIT, SCORE_FIELDS, LogForm
from bot.domain.coaching.vocabulary import CADENCE_AGENDAS, CADENCE_MINUTES, DIMENSION_LABELS
from bot.domain.follow_through import CHANGE_LABELS
from bot.ids import ActionId, CallbackId, CoachingField
from db.models import CadenceType, CoachingItem, LoggedStatus, RepPlan
from db.models.coaching import RUBRIC_DIMENSIONS

OUTCOME_LABELS = {
    LoggedStatus.DONE: "Held",
    LoggedStatus.RESCHEDULED: "Rescheduled",
    LoggedStatus.SKIPPED: "Skipped",
}
YES_NO = {"yes": "Yes", "no": "No"}
SCORES = {str(n): str(n) for n in range(1, 6)}
PLAN_SHOWN = frozenset({CadenceType.ONE_ON_ONE, CadenceType.CALL_REVIEW})  # the rep's plan


@dataclass(frozen=True)
class LogModalState:
    """What the modal carries in private_metadata: the item and the outcome shown."""

    item_id: int
    outcome: LoggedStatus

    def dump(self) -> str:
        """The private_metadata string."""
        return json.dumps({"item": self.item_id, "outcome": self.outcome.value})

    @classmethod
    def load(cls, raw: object) -> LogModalState:
        """Read private_metadata back (a malformed one raises InvalidInput)."""
        data = read_metadata(raw, "item", "outcome")
        return cls(item_id=read_int(data["item"]),
                   outcome=read_member(LoggedStatus, data["outcome"]))


def build_log_modal(
    item: CoachingItem, outcome: LoggedStatus | None = None, *, today: date,
    with_notes: bool = True, plan: RepPlan | None = None, behaviour: str | None = None,
) -> dict[str, Any]:
    """The modal for `item` with the inputs of `outcome` (default: as logged, else held),
    prefilled from an earlier log; `today` is the logger's date. Without `with_notes` (an admin
    logging for a manager) the manager's private notes are neither shown nor changed. A held
    session first asks whether the rep's last agreed `behaviour` changed."""
    if outcome is None:
        outcome = LoggedStatus.DONE if item.status is LoggedStatus.PLANNED else item.status
    title = f"Log {cadence_label(item)}"[:24]
    heading = (
        f"*{cadence_label(item).capitalize()} with {escape(item.rep.name)}* "
        f"({CADENCE_MINUTES[item.cadence]} min) · week {item.week} · {due_text(item)}"
    )
    blocks = [section(heading), context(CADENCE_AGENDAS[item.cadence])]
    if plan is not None and item.cadence in PLAN_SHOWN:
        blocks += plan_blocks(plan, item.manager.timezone)
    blocks.append(_outcome_choice(outcome))
    if behaviour is not None and outcome is LoggedStatus.DONE:
        blocks += _behaviour_changed(item, behaviour)
    blocks += _inputs(item, outcome, today, with_notes)
    return {
        "type": "modal", "callback_id": CallbackId.COACHING_LOG.value,
        "title": plain(title), "submit": plain("Save"), "close": plain("Cancel"),
        "private_metadata": LogModalState(item.id, outcome).dump(), "blocks": blocks,
    }


def read_log_form(view: dict[str, Any]) -> tuple[LogModalState, LogForm]:
    """The item, outcome and raw input values of a submitted log modal."""
    state = LogModalState.load(view.get("private_metadata") or "")
    known = {field.value for field in CoachingField}
    values = {
        CoachingField(block_id): _value_of(payload)
        for block_id, actions in view.get("state", {}).get("values", {}).items()
        if block_id in known
        for payload in actions.values()
    }
    return state, LogForm(outcome=state.outcome, values=values)


def _value_of(payload: dict[str, Any]) -> str | None:
    option = payload.get("selected_option")
    if option:
        return str(option["value"])
    value = payload.get("selected_date") or payload.get("value")
    return None if value is None else str(value)


def _outcome_choice(outcome: LoggedStatus) -> Block:
    options = [{"text": plain(label), "value": key.value} for key, label in OUTCOME_LABELS.items()]
    return {
        "type": "actions", "block_id": CoachingField.OUTCOME.value,
        "elements": [{
            "type": "radio_buttons", "action_id": ActionId.COACHING_OUTCOME.value,
            "options": options,
            "initial_option": next(o for o in options if o["value"] == outcome.value),
        }],
    }


def _inputs(
    item: CoachingItem, outcome: LoggedStatus, today: date, with_notes: bool
) -> list[Block]:
    logged = item.status is outcome  # prefill only from a log of the same outcome
    if outcome is LoggedStatus.RESCHEDULED:
        return [date_input(CoachingField.RESCHEDULED_TO, "New date",
                           item.rescheduled_to if logged else None)]
    if outcome is LoggedStatus.SKIPPED:
        return [
            text_input(CoachingField.SKIP_REASON, "Why was it skipped?",
                       item.skip_reason if logged else None, limit=REASON_LIMIT),
            context("A skip counts against completion; QBR weeks are not exempt."),
        ]
    held_on = date_input(CoachingField.HELD_ON, "Held on", item.held_on if logged else today)
    notes = text_input(CoachingField.NOTES, "Notes (only you and the rep see them)",
                       item.notes if logged else None, limit=NOTES_LIMIT, optional=True)
    if not with_notes:
        notes = context("The manager's notes are private to them and the rep; they are kept.")
    if item.cadence is CadenceType.ONE_ON_ONE:
        return [held_on, *_one_on_one(item if logged else None), notes]
    if item.cadence is CadenceType.CALL_REVIEW:
        return [held_on, *_call_review(item if logged else None), notes]
    return [held_on, notes]


def _behaviour_changed(item: CoachingItem, behaviour: str) -> list[Block]:
    """The last agreed behaviour, and "Did it change? yes / partly / no" (required)."""
    asked = item.behaviour_changed.value if item.behaviour_changed is not None else None
    return [
        section(f"*Last agreed behaviour:* {escape(behaviour)}"),
        options_input(CoachingField.BEHAVIOUR_CHANGED, "Did it change?",
                      {c.value: label for c, label in CHANGE_LABELS.items()}, asked, radio=True),
    ]


def _one_on_one(logged: CoachingItem | None) -> list[Block]:
    reviewed = None if logged is None or logged.pipeline_reviewed is None else (
        "yes" if logged.pipeline_reviewed else "no"
    )
    minutes = logged.duration_minutes if logged else CADENCE_MINUTES[CadenceType.ONE_ON_ONE]
    return [
        number_input(CoachingField.DURATION, "Duration (minutes)", minutes, MINUTES),
        options_input(CoachingField.PIPELINE_REVIEWED, "Pipeline reviewed?", YES_NO, reviewed,
                      radio=True),
        url_input(CoachingField.CALL_LINK, "Call coached (link)",
                  logged.call_link if logged else None),
    ]


def _call_review(logged: CoachingItem | None) -> list[Block]:
    scores = [
        options_input(field, f"{DIMENSION_LABELS[dimension]} (1-5)", SCORES,
                      str(logged.score(dimension)) if logged else None)
        for dimension, field in zip(RUBRIC_DIMENSIONS, SCORE_FIELDS, strict=True)
    ]
    return [
        url_input(CoachingField.WON_CALL_LINK, "Won call (link)",
                  logged.won_call_link if logged else None),
        url_input(CoachingField.LOST_CALL_LINK, "Lost call (link)",
                  logged.lost_call_link if logged else None),
        *scores,
        text_input(CoachingField.AGREED_BEHAVIOUR, "The one behaviour to change next week",
                   logged.agreed_behaviour if logged else None, limit=REASON_LIMIT),
    ]
