"""What a closed survey of several questions shows, question by question.

A scale question shows its mean and count, and its distribution only when at least twice the
survey's minimum answered it: with fewer, a bar of one or two could be read back to a person.
A 0-10 question stays an eNPS (promoters minus detractors). Texts come in their own random order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from bot.domain.surveys.questions import SCALES, Question, QuestionKind
from bot.domain.surveys.results import rounded_percent

PROMOTERS = range(9, 11)
DETRACTORS = range(0, 7)
DISTRIBUTION_FACTOR = 2  # a distribution needs at least this many times the minimum


@dataclass(frozen=True)
class ItemResult:
    """One question's result: nothing about a single person."""

    question: Question
    count: int  # how many answered it
    mean: Decimal | None  # scales: one decimal; None for a text
    distribution: tuple[int, ...] | None  # scales with enough answers: count per value
    enps: int | None  # 0-10 questions only
    texts: tuple[str, ...]  # free texts, in random order


@dataclass(frozen=True)
class ItemResults:
    """A published survey of several questions."""

    responses: int
    audience_size: int
    response_rate: int  # percent
    items: tuple[ItemResult, ...]


def enps(scores: list[int]) -> int:
    """% promoters (9-10) minus % detractors (0-6), exact, then rounded (halves away from 0)."""
    promoters = sum(score in PROMOTERS for score in scores)
    detractors = sum(score in DETRACTORS for score in scores)
    return rounded_percent(promoters - detractors, len(scores))


def mean(values: list[int]) -> Decimal:
    """The exact mean, then rounded to one decimal (halves away from zero)."""
    exact = Decimal(sum(values)) / Decimal(len(values))
    return exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def item_result(
    question: Question, values: Sequence[int | str], *, minimum: int
) -> ItemResult:
    """One question's result from its answers (already shuffled for a text)."""
    if question.kind is QuestionKind.TEXT:
        texts = tuple(str(value) for value in values)
        return ItemResult(question, len(texts), None, None, None, texts)
    scores = [int(value) for value in values]
    shown = len(scores) >= DISTRIBUTION_FACTOR * minimum
    return ItemResult(
        question=question, count=len(scores), mean=mean(scores) if scores else None,
        distribution=tuple(scores.count(n) for n in SCALES[question.kind]) if shown else None,
        enps=enps(scores) if question.kind is QuestionKind.ZERO_TO_TEN and scores else None,
        texts=(),
    )
