"""Tiers by thirds of trailing attainment: the split, its sizes and how ties fall.

Reps are ranked by attainment, highest first. With n reps the top and the bottom third each get
n // 3 places and the middle the rest, except that with two left over the top takes one: 7 reps
split 2 / 3 / 2, 8 split 3 / 3 / 2, so the bottom tier is never the largest. Reps with the same
attainment always share a tier: a tie that straddles a boundary takes the higher tier (the tier
of its best-ranked place), and the places after the tie keep their own tiers: the tier below
loses those places (8 reps 120, 100, 100, 100, 80, 70, 60, 50 split 4 / 2 / 2, and 6 reps
150, 100, 100, 100, 80, 50 split 4 / 0 / 2: a tie never pushes anyone else down a tier).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import TypeVar

from db.models.tiers import Tier

K = TypeVar("K", bound=Hashable)


def third_sizes(count: int) -> tuple[int, int, int]:
    """How many places the top, middle and bottom thirds of `count` reps hold."""
    base, left = divmod(count, 3)
    top = base + (1 if left == 2 else 0)
    return top, count - top - base, base


def tiers_by_thirds(attainment: Mapping[K, float]) -> dict[K, Tier]:
    """Each rep's tier by their attainment (percent of quota), as the module says."""
    ranked = sorted(attainment, key=lambda key: -attainment[key])
    top, middle, _ = third_sizes(len(ranked))
    first: dict[float, int] = {}  # each attainment's best-ranked place: its tie's
    for place, key in enumerate(ranked):
        first.setdefault(attainment[key], place)
    return {key: _tier(first[attainment[key]], top, top + middle) for key in ranked}


def _tier(place: int, top: int, top_and_middle: int) -> Tier:
    if place < top:
        return Tier.TOP
    return Tier.MIDDLE if place < top_and_middle else Tier.BOTTOM
