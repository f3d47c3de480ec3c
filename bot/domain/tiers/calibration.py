"""A rubric calibration's figures: per dimension the median of the managers' scores, the spread
(highest minus lowest), who is more than one point from the median, and for each manager
whether each of their own scores was within one point of it."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import median
from typing import Generic, TypeVar

from bot.domain.local_time import local_date
from db.models.coaching import RUBRIC_DIMENSIONS

K = TypeVar("K", bound=Hashable)
NOT_ENOUGH = "not enough scores"


@dataclass(frozen=True)
class DimensionSpread(Generic[K]):
    """One dimension: the median score, the spread, and the scorers more than a point off."""

    dimension: str
    median: float
    spread: int
    outliers: tuple[K, ...]


def within_one(score: int, middle: float) -> bool:
    """Whether a score is within one point of the median (a point exactly is within)."""
    return abs(score - middle) <= 1


def spreads(scores: Mapping[K, Mapping[str, int]]) -> list[DimensionSpread[K]]:
    """Per rubric dimension, over every scorer's scores (empty: nobody scored)."""
    if not scores:
        return []
    out: list[DimensionSpread[K]] = []
    for dimension in RUBRIC_DIMENSIONS:
        given = {key: card[dimension] for key, card in scores.items()}
        middle = float(median(given.values()))
        out.append(DimensionSpread(
            dimension, middle, max(given.values()) - min(given.values()),
            tuple(key for key, score in given.items() if not within_one(score, middle))))
    return out


def own_standing(own: Mapping[str, int], figures: list[DimensionSpread[K]]) -> dict[str, bool]:
    """Per dimension, whether the manager's own score was within one point of the median."""
    return {item.dimension: within_one(own[item.dimension], item.median) for item in figures}


def closing_day(closes_at: datetime, tz: str) -> date:
    """The last day a calibration takes scores (it closes at the end of it, in `tz`)."""
    return local_date(closes_at - timedelta(microseconds=1), tz)
