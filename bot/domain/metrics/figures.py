"""What the behaviour figures say for one week: per metric, overall and per manager's team, and
the same figures as export rows (the shell's CSV and JSON, the audit's file)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.metrics.arithmetic import GroupLift, Verdict
from bot.domain.metrics.definitions import REFERENCE_LABEL, MetricDefinition

OVERALL = "overall"
EXPORT_COLUMNS = ("week", "metric", "unit", "direction", "group", "reps", "matched_reps",
                  "baseline", "value", "lift_percent", "target", "verdict", "reference")


@dataclass(frozen=True)
class GroupFigure:
    """One group's lift for one metric: "overall", a manager's team, or "other teams"."""

    group: str
    lift: GroupLift
    verdict: Verdict


@dataclass(frozen=True)
class MetricFigures:
    """One metric's figures for one week; teams smaller than the program's smallest group are
    folded into "other teams" or withheld (counted, never named)."""

    metric: MetricDefinition
    week: int
    overall: GroupFigure | None
    teams: tuple[GroupFigure, ...]
    withheld: int

    @property
    def reference(self) -> str:
        """The source's median, shown only when the program has no baseline, labelled."""
        if self.metric.reference is None or (
            self.overall is not None and self.overall.lift.matched
        ):
            return ""
        return f"{self.metric.reference:g} {self.metric.unit} ({REFERENCE_LABEL})"


def rounded(value: float | None, places: int = 1) -> float | None:
    """A figure as shown: rounded, None kept."""
    return None if value is None else round(value, places)


def export_rows(figures: tuple[MetricFigures, ...]) -> list[list[object]]:
    """One row per metric and group shown, in EXPORT_COLUMNS' order."""
    rows: list[list[object]] = []
    for item in figures:
        groups = ((item.overall,) if item.overall else ()) + item.teams
        for group in groups:
            lift = group.lift
            rows.append([item.week, item.metric.key, item.metric.unit, item.metric.direction,
                         group.group, lift.reps, lift.matched, rounded(lift.baseline_mean, 2),
                         rounded(lift.week_mean, 2), rounded(lift.lift_percent),
                         item.metric.target.text(), group.verdict, item.reference])
    return rows
