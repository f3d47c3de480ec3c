"""One person's answers to a survey of several questions, checked against the questions.

The answers travel together only while sealed; at closing each becomes a row of its own
(bot/services/surveys/batching.py), so nothing joins one person's answers to two questions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.domain.surveys.content import TEXT_LIMIT, InvalidField
from bot.domain.surveys.questions import SCALES, Question, QuestionKind

ItemValue = int | str | None  # a scale's number, a text, or nothing (a text left empty)
ItemAnswers = tuple[ItemValue, ...]  # in the questions' order


def item_field(position: int) -> str:
    """The block id (and error key) of the question at `position` in the answer modal."""
    return f"item_{position}"


def parse_items(questions: Sequence[Question], raw: Mapping[str, str | None]) -> ItemAnswers:
    """The answers from submitted values; scales are required, texts optional; the messages
    never repeat what was typed."""
    values: list[ItemValue] = []
    for position, question in enumerate(questions):
        field = item_field(position)
        value = (raw.get(field) or "").strip()
        if question.kind is QuestionKind.TEXT:
            if len(value) > TEXT_LIMIT:
                raise InvalidField(field, f"Keep this answer to {TEXT_LIMIT:,} characters "
                                          "or fewer.")
            values.append(value or None)
            continue
        scale = SCALES[question.kind]
        if value not in {str(n) for n in scale}:
            raise InvalidField(field, f"Pick a number from {scale[0]} to {scale[-1]}.")
        values.append(int(value))
    return tuple(values)


def fits(questions: Sequence[Question], answers: ItemAnswers) -> bool:
    """Whether the answers are one per question, each of the question's kind and in range."""
    if len(answers) != len(questions):
        return False
    return all(
        (isinstance(value, int) and value in SCALES[question.kind]) if question.is_scale
        else (value is None or (isinstance(value, str) and len(value) <= TEXT_LIMIT))
        for question, value in zip(questions, answers, strict=True)
    )
