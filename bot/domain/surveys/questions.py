"""A survey's questions: three kinds (0-10, 1-5 Likert with labelled ends, free text), their
limits, and the check every list passes, whether built in App Home, read from YAML or a template."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

PROMPT_LENGTH = 300
LABEL_LENGTH = 40
MAX_QUESTIONS = 12
# Each held answer is sealed at one fixed size (bot/services/surveys/sealing.py): three free
# texts at most keep the longest possible answer within it.
MAX_TEXT_QUESTIONS = 3


class QuestionKind(StrEnum):
    """What a question asks for."""

    ZERO_TO_TEN = "0-10"  # eNPS: its result is promoters minus detractors
    LIKERT = "1-5"  # a five-point scale whose two ends are labelled
    TEXT = "text"  # free text, optional to answer


SCALES: dict[QuestionKind, range] = {
    QuestionKind.ZERO_TO_TEN: range(0, 11),
    QuestionKind.LIKERT: range(1, 6),
}


@dataclass(frozen=True)
class Question:
    """One question as asked: its kind, its prompt and, for a Likert item, its end labels."""

    kind: QuestionKind
    prompt: str
    low: str | None = None  # what 1 means (Likert only)
    high: str | None = None  # what 5 means (Likert only)

    @property
    def is_scale(self) -> bool:
        """Whether the answer is a number (a 0-10 or Likert question)."""
        return self.kind in SCALES


def question_problems(question: Question) -> list[tuple[str, str]]:
    """What is wrong with one question, each as (the part concerned: question, low or high,
    the message); empty: nothing."""
    problems = []
    if not question.prompt.strip():
        problems.append(("question", "the question is empty"))
    elif len(question.prompt) > PROMPT_LENGTH:
        problems.append(("question", f"keep the question to {PROMPT_LENGTH} characters or fewer"))
    if question.kind is QuestionKind.LIKERT:
        for part, end, label in (("low", "1", question.low), ("high", "5", question.high)):
            if not (label or "").strip():
                problems.append((part, f"a 1-5 question needs a label for {end}"))
            elif len(label or "") > LABEL_LENGTH:
                problems.append((part, f"keep the label for {end} to {LABEL_LENGTH} characters "
                                       "or fewer"))
    elif question.low or question.high:
        problems.append(("low" if question.low else "high", "only a 1-5 question has end labels"))
    return problems


def list_problems(questions: Sequence[Question]) -> list[str]:
    """What is wrong with the list as a whole (empty: nothing)."""
    problems = []
    if not questions:
        problems.append("a survey needs at least one question")
    if len(questions) > MAX_QUESTIONS:
        problems.append(f"a survey has at most {MAX_QUESTIONS} questions")
    if sum(q.kind is QuestionKind.TEXT for q in questions) > MAX_TEXT_QUESTIONS:
        problems.append(f"a survey has at most {MAX_TEXT_QUESTIONS} free-text questions")
    if not any(q.is_scale for q in questions):
        problems.append("a survey needs at least one 0-10 or 1-5 question")
    return problems
