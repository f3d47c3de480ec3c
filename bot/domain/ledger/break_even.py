"""Break-even, like for like: the incremental attainment an event must buy to pay for itself,
cost / (reps x quota), over the quota's own period (the source: "500K all-in cost ... 100 reps
with 1M quotas, you need 0.5% incremental attainment just to break even"), set beside an
attainment lift measured over the same period only."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class QuotaPeriod(StrEnum):
    """The period a quota covers."""

    ANNUAL = "annual"
    QUARTERLY = "quarterly"


PERIODS = frozenset(period.value for period in QuotaPeriod)
# The metrics that measure attainment, in points of quota, and the period each covers: the
# source's "Q1 attainment vs prior Q1" is a quarter's; a program tracking a year's attainment
# adds a custom metric `annual_attainment`.
ATTAINMENT_METRICS = {
    "q1_attainment": QuotaPeriod.QUARTERLY,
    "annual_attainment": QuotaPeriod.ANNUAL,
}
BEAR_CASE = (
    "Bear case: only about 12% of post-kickoff activity lift is attributable to the event itself "
    "once comp and territory changes are controlled for, so a measured lift overstates what the "
    "event bought."
)


@dataclass(frozen=True)
class BreakEven:
    """A program's break-even inputs."""

    event_cost: float
    reps: int
    quota: float
    period: QuotaPeriod

    @property
    def needed_percent(self) -> float:
        """The incremental attainment, in percent of quota over the period, that pays for the
        event: 500,000 / (100 x 1,000,000) is 0.5."""
        return self.event_cost / (self.reps * self.quota) * 100

    def text(self) -> str:
        """"0.5% incremental annual attainment to break even (cost 500,000 over 100 reps x
        1,000,000 annual quota)"."""
        return (f"{percent_text(self.needed_percent)}% incremental {self.period} attainment to "
                f"break even (cost {self.event_cost:,.0f} over {self.reps} reps x "
                f"{self.quota:,.0f} {self.period} quota)")


@dataclass(frozen=True)
class AttainmentLift:
    """An attainment lift measured over one period, in points of quota (None: not shown,
    fewer reps than the smallest group)."""

    period: QuotaPeriod
    points: float | None
    measured: str  # when: "week 4", "day 100"


def comparison(break_even: BreakEven, lifts: list[AttainmentLift]) -> str:
    """The break-even beside the lift measured over the same period, or why there is none."""
    same = [lift for lift in lifts if lift.period is break_even.period]
    if not same:
        return (f"no {break_even.period} attainment lift is measured, so none is set beside it "
                f"(a lift over another period is not comparable)")
    lift = same[-1]
    if lift.points is None:
        return (f"{break_even.period} attainment lift at {lift.measured}: not shown (fewer reps "
                "than the smallest group)")
    met = "above" if lift.points >= break_even.needed_percent else "below"
    return (f"{break_even.period} attainment lift at {lift.measured}: {lift.points:+.1f} points, "
            f"{met} the {percent_text(break_even.needed_percent)}% needed")


def percent_text(value: float) -> str:
    """A percentage to two places, trailing zeros dropped: 0.5, 2, 0.13."""
    return f"{value:.2f}".rstrip("0").rstrip(".")
