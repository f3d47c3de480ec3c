"""The defined arithmetic of behaviour metrics: a rep's weekly value, their baseline, a team's lift.

- A row's value per (rep, metric, period) is chosen among its sources: a manager's correction
  first, then imported or API rows, then the rep's weekly self-report, then the pre-event
  self-report; the latest recorded wins among equals (`prefer`, reading rows oldest first).
- A rep's weekly value: for a per-day metric, the mean over the rep's working days with data
  (out-of-office days left out), or the ISO-week row's value when the week has no dated rows; for a
  summed metric, the sum of the week's rows; otherwise the mean of the week's rows.
- A rep's baseline: the mean of their weekly values over the baseline weeks that have data.
- A team's lift: the ratio of sums (week over baseline) over the matched reps, those with both a
  baseline and the week; coverage is matched reps of the team's reps. No matched rep: "no
  baseline", never an infinite lift.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from bot.domain.metrics.definitions import MetricDefinition, TargetKind, Weekly

CORRECTION = "correction"
SELF_REPORT = "self-report"
PRE_EVENT = "pre-event self-report"


def source_rank(source: str) -> int:
    """How much a source is trusted (lower first): correction, import or API, self-reports."""
    return {CORRECTION: 0, SELF_REPORT: 2, PRE_EVENT: 3}.get(source, 1)


Held = tuple[int, float]  # a source's rank, and its value


def prefer(held: Held | None, source: str, value: float) -> Held:
    """The value kept for one (rep, metric, period) after reading one more of its rows, rows
    being read oldest first: the new one unless the one held comes from a more trusted source."""
    rank = source_rank(source)
    return held if held is not None and held[0] < rank else (rank, value)


def mean(values: Sequence[float]) -> float | None:
    """The mean, None for no values."""
    return sum(values) / len(values) if values else None


def week_value(
    weekly: Weekly, *, dated: Iterable[tuple[date, float]], whole: Sequence[float],
    counted: Callable[[date], bool],
) -> float | None:
    """A rep's value for one week from its dated rows and its ISO-week rows; `counted` says which
    days a per-day metric counts (the rep's working days, not out of office). None: no data."""
    if weekly is Weekly.DAY_MEAN:
        days = [value for day, value in dated if counted(day)]
        return mean(days) if days else mean(whole)
    values = [value for _, value in dated] + list(whole)
    if not values:
        return None
    return sum(values) if weekly is Weekly.SUM else sum(values) / len(values)


def baseline_value(weekly_values: Iterable[float | None]) -> float | None:
    """A rep's baseline: the mean of their baseline weeks that have data."""
    return mean([value for value in weekly_values if value is not None])


@dataclass(frozen=True)
class RepFigures:
    """One rep's baseline and value for one week (None: no data)."""

    baseline: float | None
    week: float | None

    @property
    def matched(self) -> bool:
        """Whether the rep has both, and so counts in a team's lift."""
        return self.baseline is not None and self.week is not None

    @property
    def ratio(self) -> float | None:
        """Week over baseline; None ("no baseline") without a baseline above zero."""
        if self.baseline is None or self.week is None or self.baseline == 0:
            return None
        return self.week / self.baseline


class Verdict(StrEnum):
    """Whether a group's week met its target."""

    HELD = "held"
    NOT_HELD = "not held"
    NO_BASELINE = "no baseline"
    NO_DATA = "no data"


@dataclass(frozen=True)
class GroupLift:
    """A group's figures for one metric and week: sums over matched reps, and coverage."""

    reps: int
    matched: int
    baseline_sum: float
    week_sum: float
    with_week: int  # reps with data this week, matched or not

    @property
    def ratio(self) -> float | None:
        """The ratio of sums; None without matched reps or with a zero baseline."""
        if not self.matched or self.baseline_sum == 0:
            return None
        return self.week_sum / self.baseline_sum

    @property
    def lift_percent(self) -> float | None:
        """The lift in percent (+20.0 is a fifth more)."""
        return None if self.ratio is None else (self.ratio - 1) * 100

    @property
    def baseline_mean(self) -> float | None:
        """The matched reps' mean baseline."""
        return self.baseline_sum / self.matched if self.matched else None

    @property
    def week_mean(self) -> float | None:
        """The matched reps' mean this week."""
        return self.week_sum / self.matched if self.matched else None

    @property
    def coverage(self) -> str:
        """"9 of 12 reps" with both a baseline and the week."""
        return f"{self.matched} of {self.reps} reps"


def group_lift(reps: Iterable[RepFigures]) -> GroupLift:
    """A group's lift from its reps' figures: sums over the matched reps only."""
    everyone = list(reps)
    matched = [rep for rep in everyone if rep.matched]
    return GroupLift(
        reps=len(everyone), matched=len(matched),
        baseline_sum=sum(rep.baseline or 0.0 for rep in matched),
        week_sum=sum(rep.week or 0.0 for rep in matched),
        with_week=sum(rep.week is not None for rep in everyone),
    )


def verdict(metric: MetricDefinition, lift: GroupLift) -> Verdict:
    """Held or not held against the metric's target; "no baseline" when no rep is matched."""
    if lift.baseline_mean is None or lift.week_mean is None:
        return Verdict.NO_BASELINE if lift.with_week else Verdict.NO_DATA
    if metric.target.kind is TargetKind.RELATIVE and lift.ratio is not None:
        # the ratio of sums against the factor: the same as comparing the matched reps' means
        held = metric.meets(lift.ratio, metric.target.value)
    else:
        held = metric.meets(lift.week_mean, metric.target.goal(lift.baseline_mean))
    return Verdict.HELD if held else Verdict.NOT_HELD
