"""Behaviour figures as lines, shared by the Slack messages, the App Home and the shell: each
line is written once, with a function to escape what people typed (managers' names)."""

from __future__ import annotations

from collections.abc import Callable

from bot.domain.metrics.arithmetic import GroupLift
from bot.domain.metrics.figures import GroupFigure, MetricFigures
from bot.domain.metrics.periods import REMEASURE_DAY, REMEASURE_WEEK

Escape = Callable[[str], str]


def week_name(number: int) -> str:
    """"week 4", "baseline week -1" before the event, "the re-measure week (day 100)"."""
    if number == REMEASURE_WEEK:
        return f"the re-measure week (day {REMEASURE_DAY})"
    return f"week {number}" if number > 0 else f"baseline week {number}"


def figure(value: float | None) -> str:
    """A value as shown: one decimal, "no data" for none."""
    return "no data" if value is None else f"{value:,.1f}"


def exact(value: float) -> str:
    """A value as typed back into a form: every digit kept (36, 2.5, 1441234.5)."""
    return str(int(value)) if value.is_integer() else repr(value)


def lift_text(lift: GroupLift) -> str:
    """"+21.8%", or "no baseline" where no rep has both a baseline and the week."""
    percent = lift.lift_percent
    if percent is None:
        return "no baseline"
    return f"{percent:+.1f}%"


def metric_title(item: MetricFigures) -> str:
    """The metric's name, unit, direction and target."""
    metric = item.metric
    return (f"{metric.name} ({metric.unit}, {metric.direction}; "
            f"target {metric.target.text()})")


def group_line(item: MetricFigures, group: GroupFigure, escape: Escape) -> str:
    """One group's figures: baseline, the week, the lift, held or not, coverage."""
    lift = group.lift
    return (f"{escape(group.group)}: baseline {figure(lift.baseline_mean)}, "
            f"{week_name(item.week)} {figure(lift.week_mean)}, {lift_text(lift)}, "
            f"{group.verdict} ({lift.coverage} with both)")


def metric_lines(item: MetricFigures, escape: Escape, *, teams: bool = True) -> list[str]:
    """Every line of one metric below its title: overall, the teams shown (unless `teams` is
    false), what was withheld, the source's reference where there is no baseline, its note."""
    groups = ((item.overall,) if item.overall else ()) + (item.teams if teams else ())
    lines = [group_line(item, group, escape) for group in groups]
    if item.overall is None:
        lines.insert(0, f"overall: {item.matched} of {item.reps} reps with both, fewer than the "
                        "smallest group shown: not shown")
    if item.withheld and teams:
        lines.append(f"{item.withheld} team(s) below the smallest group not shown")
    if item.reference:
        lines.append(f"reference: {item.reference}")
    if item.metric.note:
        lines.append(f"note: {item.metric.note}")
    return lines
