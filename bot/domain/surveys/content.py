"""What one answer holds (a 0-10 score, three optional texts) and how it is checked."""

from __future__ import annotations

from dataclasses import dataclass

from bot.errors import InvalidField as InvalidField  # where the survey code finds it

TEXT_LIMIT = 1000  # characters per free-text answer
SCORE_RANGE = range(0, 11)
SCORE_VALUES = frozenset(str(score) for score in SCORE_RANGE)
# The free-text questions, by AnswerContent field, as the kickoff model asks them.
QUESTIONS: dict[str, str] = {
    "changed": "What changed since the kickoff?",
    "broken": "What is still broken?",
    "kill": "One thing we should kill?",
}


@dataclass(frozen=True)
class AnswerContent:
    """One person's answer, with nothing about the person."""

    score: int
    changed: str | None = None
    broken: str | None = None
    kill: str | None = None

    def texts(self) -> dict[str, str | None]:
        """The free-text answers by question field."""
        return {"changed": self.changed, "broken": self.broken, "kill": self.kill}

    def items(self) -> tuple[int, str | None, str | None, str | None]:
        """The answer as one value per question of the eNPS template, in its order (how every
        survey's answers are sealed and stored)."""
        return (self.score, self.changed, self.broken, self.kill)


def parse_answer(score: str | None, texts: dict[str, str | None]) -> AnswerContent:
    """An AnswerContent from submitted values; the messages never repeat what was typed."""
    if score is None or score.strip() not in SCORE_VALUES:
        raise InvalidField("score", "Pick a score from 0 to 10.")
    cleaned: dict[str, str | None] = {}
    for field in QUESTIONS:
        value = (texts.get(field) or "").strip()
        if len(value) > TEXT_LIMIT:
            raise InvalidField(field, f"Keep this answer to {TEXT_LIMIT:,} characters or fewer.")
        cleaned[field] = value or None
    return AnswerContent(score=int(score), **cleaned)
