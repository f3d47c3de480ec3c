"""The log modal's inputs and their limits, and what a manager submitted in it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bot.ids import CoachingField
from db.models import LoggedStatus
from db.models.coaching import RUBRIC_DIMENSIONS

LOGGED_FIELDS = tuple(f for f in CoachingField if f is not CoachingField.OUTCOME)
SCORE_FIELDS = tuple(CoachingField(f"score_{name}") for name in RUBRIC_DIMENSIONS)
NOTES_LIMIT = 2000
REASON_LIMIT = 500
LINK_LIMIT = 500
MINUTES = (5, 240)


@dataclass(frozen=True)
class LogForm:
    """What the modal submitted: the chosen outcome and the raw value of each input."""

    outcome: LoggedStatus
    values: Mapping[CoachingField, str | None]
