"""What the behaviour figures say for one week: per metric, overall and per manager's team, and
the same figures as export rows (the shell's CSV and JSON, the audit's file)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter

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
    """One metric's figures for one week. The smallest-group rule counts the reps a figure is
    computed from (matched reps): teams with fewer are folded into "other teams" or withheld
    (counted, never named), and the overall figure is left out (None) below it, unless no rep is
    matched at all, when it only says so."""

    metric: MetricDefinition
    week: int
    overall: GroupFigure | None
    teams: tuple[GroupFigure, ...]
    withheld: int
    reps: int  # the program's reps
    matched: int  # of them, with both a baseline and this week

    @property
    def reference(self) -> str:
        """The source's median, shown only when the program has no baseline, labelled."""
        if self.metric.reference is None or self.matched:
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


def figures_json(figures: tuple[MetricFigures, ...]) -> list[Any]:
    """The figures as JSON values, to be stored as a post showed them."""
    return list(_ADAPTER.dump_python(figures, mode="json"))


def figures_from_json(data: list[Any]) -> tuple[MetricFigures, ...]:
    """Figures stored by `figures_json`."""
    return _ADAPTER.validate_python(data)


_ADAPTER = TypeAdapter(tuple[MetricFigures, ...])
