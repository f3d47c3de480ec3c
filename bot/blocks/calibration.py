"""Rubric calibration in Slack: enablement's start modal, the manager's request DM and their
private scoring modal (the call review's five score inputs)."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.blocks.coaching.log_modal import SCORES
from bot.blocks.coaching.modal_inputs import date_input, options_input, url_input
from bot.blocks.metadata import read_int
from bot.blocks.standup import actions, button
from bot.blocks.text import Block, context, escape, plain, section
from bot.domain.coaching.log_form import SCORE_FIELDS
from bot.domain.coaching.vocabulary import DIMENSION_LABELS
from bot.ids import ActionId, CalibrationField, CallbackId, CoachingField
from db.models.coaching import RUBRIC_DIMENSIONS

PRIVATE = ("Your scores are private: enablement sees how far apart the managers' scores are; "
           "you see only whether each of yours was within a point of the median.")


def build_start_modal(program_id: int, program: str, *, today: date) -> dict[str, Any]:
    """Enablement's form: the recorded call and the day the calibration closes."""
    return {
        "type": "modal", "callback_id": CallbackId.CALIBRATION_START.value,
        "title": plain("Rubric calibration"), "submit": plain("Start"), "close": plain("Cancel"),
        "private_metadata": str(program_id),
        "blocks": [
            section(f"*{escape(program)}*: every manager scores the same recorded call on the "
                    "five call-review dimensions, privately, by the closing day."),
            url_input(CalibrationField.CALL_LINK, "Recorded call (link)", None, optional=False),
            date_input(CalibrationField.CLOSES_ON, "Closes at the end of", today),
        ],
    }


def read_start_form(view: dict[str, Any]) -> tuple[int, str, str]:
    """The program id, the link and the closing day (ISO) of a submitted start modal."""
    values = view.get("state", {}).get("values", {})
    link = values.get(CalibrationField.CALL_LINK, {}).get(CalibrationField.CALL_LINK, {})
    day = values.get(CalibrationField.CLOSES_ON, {}).get(CalibrationField.CLOSES_ON, {})
    return (read_int(view.get("private_metadata")), str(link.get("value") or ""),
            str(day.get("selected_date") or ""))


def build_request_message(
    calibration_id: int, program: str, call_link: str, closes_on: date
) -> list[Block]:
    """A manager's request to score the call (the button opens the scoring modal)."""
    return [
        section(f"*Rubric calibration* for {escape(program)}: please listen to this recorded "
                f"call and score it on the five rubric dimensions by the end of "
                f"{closes_on:%A %-d %B}.\n{escape(call_link)}"),
        context(PRIVATE),
        actions(button("Score the call", ActionId.CALIBRATION_SCORE, str(calibration_id),
                       primary=True)),
    ]


def request_fallback(program: str) -> str:
    """The notification text of a request."""
    return f"Rubric calibration for {program}: please score a recorded call"


def build_score_modal(
    calibration_id: int, program: str, call_link: str, earlier: dict[str, int] | None
) -> dict[str, Any]:
    """The manager's five scores of the call, prefilled with what they gave before."""
    inputs = [options_input(field, f"{DIMENSION_LABELS[name]} (1-5)", SCORES,
                            str(earlier[name]) if earlier else None)
              for name, field in zip(RUBRIC_DIMENSIONS, SCORE_FIELDS, strict=True)]
    return {
        "type": "modal", "callback_id": CallbackId.CALIBRATION_SCORE.value,
        "title": plain("Score the call"), "submit": plain("Save"), "close": plain("Cancel"),
        "private_metadata": str(calibration_id),
        "blocks": [section(f"*{escape(program)}*: {escape(call_link)}"), context(PRIVATE),
                   *inputs],
    }


def read_score_form(view: dict[str, Any]) -> tuple[int, dict[CoachingField, str | None]]:
    """The calibration id and the chosen score of each input of a submitted scoring modal."""
    values = view.get("state", {}).get("values", {})
    chosen = {field: (values.get(field.value, {}).get(field.value) or {}).get("selected_option")
              for field in SCORE_FIELDS}
    return read_int(view.get("private_metadata")), {
        field: str(option["value"]) if isinstance(option, dict) else None
        for field, option in chosen.items()}
