"""Checking what a manager entered in the log modal: each problem named at its own input."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bot.domain.coaching.log_form import (
    LINK_LIMIT,
    MINUTES,
    NOTES_LIMIT,
    REASON_LIMIT,
    SCORE_FIELDS,
    LogForm,
)
from bot.ids import CoachingField
from bot.services.coaching.calendar import cadence_end
from db.models import CadenceType, Change, CoachingItem, LoggedStatus, Program


@dataclass
class Checked:
    """Column values ready to store, or the errors to show (block id -> message)."""

    columns: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)


def check_log(
    form: LogForm, *, item: CoachingItem, program: Program, today: date,
    behaviour_asked: bool = False,
) -> Checked:
    """Validate `form` for `item`; `today` is the logger's local date; `behaviour_asked`: the
    form asked whether the last agreed behaviour changed."""
    checker = _Checker(form.values)
    if form.outcome is LoggedStatus.DONE:
        checker.day(CoachingField.HELD_ON, program.kickoff_date, today,
                    "It cannot be before the kickoff or in the future.")
        CADENCE_CHECKS[item.cadence](checker)
        if behaviour_asked:
            checker.choice(CoachingField.BEHAVIOUR_CHANGED, {c.value: c for c in Change},
                           "Choose yes, partly or no.")
    elif form.outcome is LoggedStatus.RESCHEDULED:
        checker.day(CoachingField.RESCHEDULED_TO, today, cadence_end(program),
                    f"Choose a day from today to the end of the program ({cadence_end(program)}).")
    elif form.outcome is LoggedStatus.SKIPPED:
        checker.text(CoachingField.SKIP_REASON, required=True, limit=REASON_LIMIT)
    else:
        checker.checked.errors[CoachingField.OUTCOME] = "Choose held, rescheduled or skipped."
    return checker.checked


def _one_on_one(checker: _Checker) -> None:
    checker.whole_number(CoachingField.DURATION, *MINUTES)
    checker.choice(CoachingField.PIPELINE_REVIEWED, {"yes": True, "no": False})
    checker.link(CoachingField.CALL_LINK)
    checker.text(CoachingField.NOTES, required=False, limit=NOTES_LIMIT)


def _call_review(checker: _Checker) -> None:
    checker.link(CoachingField.WON_CALL_LINK)
    checker.link(CoachingField.LOST_CALL_LINK)
    for score in SCORE_FIELDS:
        checker.choice(score, {str(n): n for n in range(1, 6)}, "Choose a score from 1 to 5.")
    checker.text(CoachingField.AGREED_BEHAVIOUR, required=True, limit=REASON_LIMIT)
    checker.text(CoachingField.NOTES, required=False, limit=NOTES_LIMIT)


def _territory_review(checker: _Checker) -> None:
    checker.text(CoachingField.NOTES, required=False, limit=NOTES_LIMIT)


CADENCE_CHECKS: dict[CadenceType, Callable[[_Checker], None]] = {
    CadenceType.ONE_ON_ONE: _one_on_one,
    CadenceType.CALL_REVIEW: _call_review,
    CadenceType.TERRITORY_REVIEW: _territory_review,
}


class _Checker:
    """Reads one input at a time into `checked.columns`, or records why it cannot."""

    def __init__(self, values: Mapping[CoachingField, str | None]) -> None:
        self.values = values
        self.checked = Checked()

    def _raw(self, name: CoachingField) -> str:
        return (self.values.get(name) or "").strip()

    def _set(self, name: CoachingField, value: object, error: str | None) -> None:
        if error is None:
            self.checked.columns[name.value] = value
        else:
            self.checked.errors[name.value] = error

    def text(self, name: CoachingField, *, required: bool, limit: int) -> None:
        raw = self._raw(name)
        error = "Please fill this in." if required and not raw else None
        if len(raw) > limit:
            error = f"Keep it under {limit} characters."
        self._set(name, raw or None, error)

    def link(self, name: CoachingField) -> None:
        raw = self._raw(name)
        looks_right = raw.startswith(("https://", "http://")) and " " not in raw
        error = None if not raw or (looks_right and len(raw) <= LINK_LIMIT) else "Paste a link."
        self._set(name, raw or None, error)

    def choice(self, name: CoachingField, options: dict[str, Any], error: str = "") -> None:
        raw = self._raw(name)
        self._set(name, options.get(raw), None if raw in options else error or "Choose one.")

    def whole_number(self, name: CoachingField, low: int, high: int) -> None:
        raw = self._raw(name)
        valid = raw.isdigit() and low <= int(raw) <= high
        self._set(name, int(raw) if valid else None,
                  None if valid else f"Enter minutes from {low} to {high}.")

    def day(self, name: CoachingField, earliest: date, latest: date, out_of_range: str) -> None:
        try:
            value: date | None = date.fromisoformat(self._raw(name))
        except ValueError:
            value = None
        if value is None:
            self._set(name, None, "Choose a date.")
        else:
            self._set(name, value, None if earliest <= value <= latest else out_of_range)
