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
    note = [f"note: {item.metric.note}"] if item.metric.note else []
    if item.overall is not None and not item.overall.lift.matched:  # nothing to compare yet
        lift = item.overall.lift
        reference = f"; reference: {item.reference}" if item.reference else ""
        return [f"no baseline yet ({lift.with_week} of {lift.reps} reps with data for "
                f"{week_name(item.week)}){reference}", *note]
    groups = ((item.overall,) if item.overall else ()) + (item.teams if teams else ())
    lines = [group_line(item, group, escape) for group in groups]
    if item.overall is None:
        lines.insert(0, f"overall: {item.matched} of {item.reps} reps with both, fewer than the "
                        "smallest group shown: not shown")
    if item.withheld and teams:
        lines.append(f"{item.withheld} team(s) below the smallest group not shown")
    if item.reference:
        lines.append(f"reference: {item.reference}")
    return lines + note



def has_data(item: MetricFigures) -> bool:
    """Whether anybody has a value for this metric in the week (so a figure or "no baseline"
    can be said)."""
    groups = ((item.overall,) if item.overall else ()) + item.teams
    return not groups or any(g.lift.matched or g.lift.with_week for g in groups)


def without_data_line(figures: tuple[MetricFigures, ...], escape: Escape) -> list[str]:
    """One line naming every metric nobody has a value for in the week (none: no line), so a
    program that tracks few of the source's metrics is not told "no data" metric by metric."""
    names = [escape(item.metric.name) for item in figures if not has_data(item)]
    if not names:
        return []
    return [f"No data for {week_name(figures[0].week)}: {', '.join(names)}."]
