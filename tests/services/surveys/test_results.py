"""eNPS maths: % promoters (9-10) minus % detractors (0-6), exact first, then rounded half away
from zero; nothing at all below the minimum."""

from __future__ import annotations

import pytest

from bot.domain.surveys.content import AnswerContent
from bot.domain.surveys.results import rounded_percent
from bot.services.surveys.item_results import columns_of
from bot.services.surveys.results import enps, summarize


def by_question(answers: list[AnswerContent]) -> list[list[int | str]]:
    """The answers as closing stores them: each question's apart (score, then the texts)."""
    return columns_of([answer.items() for answer in answers], 4)


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ([10, 9, 9, 8, 7, 6, 3], 14),  # (3 - 2) / 7 = 14.29%
        ([10, 10, 10, 10, 10], 100),
        ([0, 1, 2, 3, 6], -100),
        ([7, 8, 7, 8, 7], 0),  # passives only
        ([9, 9, 9, 0, 7, 7, 7, 7], 25),  # (3 - 1) / 8
        ([9, 7, 7, 7, 7, 7, 7, 7], 13),  # 1 / 8 = 12.5%: half away from zero
        ([6, 7, 7, 7, 7, 7, 7, 7], -13),  # -12.5%
        ([10, 9, 6, 5, 8, 8], 0),
    ],
)
def test_enps(scores: list[int], expected: int) -> None:
    assert enps(scores) == expected


def test_percentages_round_half_away_from_zero() -> None:
    assert [rounded_percent(p, 8) for p in (1, 3, -1)] == [13, 38, -13]
    assert rounded_percent(7, 12) == 58


def test_a_summary_counts_every_score_and_keeps_each_question_apart() -> None:
    answers = [AnswerContent(score=s, changed=f"c{s}", kill="k" if s > 8 else None)
               for s in (10, 9, 9, 8, 7, 6, 3)]
    results = summarize(by_question(answers), audience_size=12, minimum=5)
    assert results is not None
    assert results.distribution == (0, 0, 0, 1, 0, 0, 1, 1, 1, 2, 1)
    assert (results.enps, results.promoters, results.detractors) == (14, 43, 29)
    assert (results.responses, results.response_rate) == (7, 58)
    assert sorted(results.texts["changed"]) == sorted(f"c{s}" for s in (10, 9, 9, 8, 7, 6, 3))
    assert results.texts["kill"] == ["k", "k", "k"]
    assert results.texts["broken"] == []


def test_below_the_minimum_there_is_no_summary() -> None:
    answers = [AnswerContent(score=9)] * 4
    assert summarize(by_question(answers), audience_size=12, minimum=5) is None
