"""The question builder of the create modal (opened from App Home or `/kickoff survey`): a few
slots, each a kind, a question and, for a 1-5 item, its two end labels. A slot left blank is
skipped; a problem is refused next to the input concerned (an empty question, a 1-5 item
without its end labels)."""

from __future__ import annotations

from collections.abc import Mapping

from bot.domain.surveys.content import InvalidField
from bot.domain.surveys.questions import Question, QuestionKind, list_problems, question_problems

SLOTS = 6
PARTS = ("kind", "question", "low", "high")


def builder_field(position: int, part: str) -> str:
    """The block id of one part of one slot."""
    return f"custom_{position}_{part}"


def questions_from_slots(values: Mapping[str, str | None]) -> tuple[Question, ...]:
    """The slots' questions in order, or InvalidField at the first problem's input."""
    questions = []
    for position in range(SLOTS):
        kind, prompt, low, high = ((values.get(builder_field(position, part)) or "").strip()
                                   or None for part in PARTS)
        if kind is None and not (prompt or low or high):
            continue  # an unused slot
        if kind is None or kind not in QuestionKind._value2member_map_:
            raise InvalidField(builder_field(position, "kind"), "Pick the kind of this question.")
        question = Question(QuestionKind(kind), prompt or "", low, high)
        for part, problem in question_problems(question):
            raise InvalidField(builder_field(position, part), problem.capitalize() + ".")
        questions.append(question)
    for problem in list_problems(questions):
        raise InvalidField(builder_field(0, "question"), problem.capitalize() + ".")
    return tuple(questions)
