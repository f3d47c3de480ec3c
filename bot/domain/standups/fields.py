"""The three standup questions, their limits, and checking what a rep typed."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from db.models import StandupAnswer

MAX_CHARS = 1000  # per field, in the modal (max_length) and checked again on the server


class Field(StrEnum):
    """One standup question."""

    ACTIVITY = "activity"
    WIN = "win"
    BLOCKER = "blocker"

    @property
    def question(self) -> str:
        """The question as the modal asks it."""
        return QUESTIONS[self]

    @property
    def heading(self) -> str:
        """The short heading above the answer in posts."""
        return HEADINGS[self]

    @property
    def required(self) -> bool:
        """Whether an empty answer is refused."""
        return self is not Field.BLOCKER


QUESTIONS = {
    Field.ACTIVITY: "One new activity I will do today",
    Field.WIN: "One small win since yesterday",
    Field.BLOCKER: "One blocker (optional)",
}
HEADINGS = {Field.ACTIVITY: "New activity", Field.WIN: "Small win", Field.BLOCKER: "Blocker"}


@dataclass(frozen=True)
class AnswerText:
    """What a rep answered, trimmed; `blocker` is None when they gave none."""

    activity: str
    win: str
    blocker: str | None

    @classmethod
    def of(cls, answer: StandupAnswer) -> AnswerText:
        """The text of a stored answer."""
        return cls(answer.activity or "", answer.win or "", answer.blocker or None)

    def get(self, field: Field) -> str | None:
        """The answer to one question."""
        return {Field.ACTIVITY: self.activity, Field.WIN: self.win, Field.BLOCKER: self.blocker}[
            field
        ]


def check_text(raw: dict[Field, str | None]) -> tuple[AnswerText | None, dict[Field, str]]:
    """The trimmed answer, or the error of each field that is empty or too long."""
    values = {field: (raw.get(field) or "").strip() for field in Field}
    errors: dict[Field, str] = {}
    for field, value in values.items():
        if len(value) > MAX_CHARS:
            errors[field] = f"Please keep this to {MAX_CHARS:,} characters; it has {len(value):,}."
        elif field.required and not value:
            errors[field] = "Please write a short answer here; it is required."
    if errors:
        return None, errors
    text = AnswerText(values[Field.ACTIVITY], values[Field.WIN], values[Field.BLOCKER] or None)
    return text, {}
