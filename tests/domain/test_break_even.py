"""Break-even maths, like for like: the source's example, and a quarterly quota compared with
quarterly figures only."""

from __future__ import annotations

from bot.domain.ledger.break_even import AttainmentLift, BreakEven, QuotaPeriod, comparison

ANNUAL, QUARTERLY = QuotaPeriod.ANNUAL, QuotaPeriod.QUARTERLY


def test_the_sources_example_needs_half_a_percent() -> None:
    example = BreakEven(event_cost=500_000, reps=100, quota=1_000_000, period=ANNUAL)
    assert example.needed_percent == 0.5
    assert example.text() == ("0.5% incremental annual attainment to break even (cost 500,000 "
                              "over 100 reps x 1,000,000 annual quota)")


def test_a_quarterly_quota_is_labelled_and_set_beside_quarterly_lifts_only() -> None:
    quarter = BreakEven(event_cost=500_000, reps=100, quota=250_000, period=QUARTERLY)
    assert quarter.needed_percent == 2
    assert "2% incremental quarterly attainment" in quarter.text()
    assert "250,000 quarterly quota" in quarter.text()
    lifts = [AttainmentLift(QUARTERLY, 1.25, "week 4"), AttainmentLift(ANNUAL, 3.0, "day 100")]
    # The annual lift is later and bigger, and still not the one compared.
    assert comparison(quarter, lifts) == ("quarterly attainment lift at week 4: +1.2 points, "
                                          "below the 2% needed")
    assert comparison(quarter, lifts[1:]) == (
        "no quarterly attainment lift is measured, so none is set beside it (a lift over "
        "another period is not comparable)")


def test_a_lift_withheld_for_the_smallest_group_is_said_so() -> None:
    year = BreakEven(event_cost=500_000, reps=100, quota=1_000_000, period=ANNUAL)
    assert comparison(year, [AttainmentLift(ANNUAL, None, "day 100")]) == (
        "annual attainment lift at day 100: not shown (fewer reps than the smallest group)")
    assert comparison(year, [AttainmentLift(ANNUAL, 0.5, "day 100")]).endswith(
        "+0.5 points, above the 0.5% needed")
