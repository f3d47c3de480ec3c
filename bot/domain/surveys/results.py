"""What a published survey shows, and how its percentages are rounded."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True)
class SurveyResults:
    """What a published survey shows: never anything about a single person."""

    responses: int
    audience_size: int
    distribution: tuple[int, ...]  # how many answered each score, 0 to 10
    enps: int
    promoters: int  # percent
    detractors: int  # percent
    response_rate: int  # percent
    texts: dict[str, list[str]]  # question field -> answers, each question in its own order


def rounded_percent(part: int, whole: int) -> int:
    """100 * part / whole as a whole number, halves away from zero."""
    exact = Decimal(100 * part) / Decimal(whole)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
