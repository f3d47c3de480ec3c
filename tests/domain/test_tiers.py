"""Tiers by thirds: the sizes for every remainder, and ties always sharing the higher tier."""

from __future__ import annotations

from bot.domain.tiers.calibration import spreads, within_one
from bot.domain.tiers.thirds import third_sizes, tiers_by_thirds
from db.models import Tier

T, M, B = Tier.TOP, Tier.MIDDLE, Tier.BOTTOM


def test_sizes_put_one_left_over_in_the_middle_and_two_in_the_top_and_middle() -> None:
    assert [third_sizes(n) for n in (0, 1, 2, 3, 6, 7, 8)] == [
        (0, 0, 0), (0, 1, 0), (1, 1, 0), (1, 1, 1), (2, 2, 2), (2, 3, 2), (3, 3, 2)]


def test_seven_reps_split_two_three_two_by_attainment() -> None:
    attainment = {"a": 131.0, "b": 55.5, "c": 98.0, "d": 120.0, "e": 71.0, "f": 88.0, "g": 102.0}
    assert tiers_by_thirds(attainment) == {
        "a": T, "d": T, "g": M, "c": M, "f": M, "e": B, "b": B}


def test_a_tie_across_a_boundary_takes_the_higher_tier() -> None:
    # ranked: 120, 110, 110, 90, 90, 90, 70, 60 (sizes 3 / 3 / 2)
    attainment = {"a": 120.0, "b": 110.0, "c": 110.0, "d": 90.0, "e": 90.0, "f": 90.0,
                  "g": 70.0, "h": 60.0}
    assert tiers_by_thirds(attainment) == {
        "a": T, "b": T, "c": T, "d": M, "e": M, "f": M, "g": B, "h": B}
    # places 2 / 2 / 2; the three 100s (places 2-4) start in the top: all top, and the middle's
    # two places are theirs, so it is left empty; the bottom keeps its own places
    tied = {"a": 150.0, "b": 100.0, "c": 100.0, "d": 100.0, "e": 80.0, "f": 50.0}
    assert tiers_by_thirds(tied) == {"a": T, "b": T, "c": T, "d": T, "e": B, "f": B}


def test_a_spread_counts_a_point_exactly_as_within() -> None:
    assert within_one(4, 3.0)
    assert within_one(2, 3.0)
    assert not within_one(1, 3.0)
    assert within_one(3, 3.5)
    assert within_one(4, 3.5)
    assert not within_one(5, 3.5)
    figures = spreads({"x": dict.fromkeys(("discovery", "multi_threading",
                                            "objection_handling", "next_step",
                                            "value_articulation"), 2),
                       "y": dict.fromkeys(("discovery", "multi_threading",
                                            "objection_handling", "next_step",
                                            "value_articulation"), 5)})
    assert {(f.median, f.spread, f.outliers) for f in figures} == {(3.5, 3, ("x", "y"))}
