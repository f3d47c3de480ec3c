"""The audit chart's Behaviour panel: per metric with data in the week, the overall lift
against the baseline as a bar, with its relative target marked.

Every figure comes from the figures the audit's Behaviour section shows (stored with the audit,
bot/services/metrics/audit_section.py) and is written as the section writes it (lift, held or
not, target): nothing is computed again. The overall group only, so no team and no rep is in it;
a figure the smallest-group rule leaves out of the section is left out here too.
"""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter

from bot.blocks.metrics_lines import has_data, lift_text, week_name
from bot.domain.metrics.arithmetic import Verdict
from bot.domain.metrics.figures import MetricFigures

HELD, NOT_HELD, NOT_SHOWN = "#2e7d32", "#ef8f00", "#757575"
NOT_SHOWN_TEXT = "overall not shown: fewer than the smallest group"


@dataclass(frozen=True)
class BehaviourRow:
    """One metric's row: its name, the overall lift in percent (None: no bar), the text written
    by it, and its target as a lift (None: a target not relative to the baseline)."""

    name: str
    lift: float | None
    text: str
    target: float | None
    held: bool


def behaviour_rows(figures: tuple[MetricFigures, ...]) -> list[BehaviourRow]:
    """The panel's rows, in the section's order, for the metrics it shows with data."""
    rows = []
    for item in filter(has_data, figures):
        target = item.metric.target
        if item.overall is None:
            rows.append(BehaviourRow(item.metric.name, None, NOT_SHOWN_TEXT, None, False))
            continue
        lift = item.overall.lift
        said = (lift_text(lift) if lift.lift_percent is None
                else f"{lift_text(lift)}, {item.overall.verdict}")
        text = f"{said} (target {target.text()})"
        rows.append(BehaviourRow(item.metric.name, lift.lift_percent, text,
                                 target.lift_percent, item.overall.verdict is Verdict.HELD))
    return rows


def draw_behaviour(axes: Axes, rows: list[BehaviourRow], week: int) -> None:
    """Draw the rows on `axes` (one bar per metric with a lift, its target as a black tick)."""
    values = [v for row in rows if row.lift is not None
              for v in (row.lift, row.target) if v is not None]
    low, high = min([0.0, *values]), max([0.0, *values])
    pad = (high - low) * 0.6 + 10  # room for the figures written beside the bars
    axes.set_xlim(low - (pad if low < 0 else 2), high + pad)
    axes.axvline(0, color="black", linewidth=0.8)
    for row_number, row in enumerate(rows):
        if row.lift is not None:
            axes.barh(row_number, row.lift, color=HELD if row.held else NOT_HELD, height=0.6)
        if row.lift is not None and row.target is not None:  # no lift: the text says the target
            axes.plot([row.target, row.target], [row_number - 0.4, row_number + 0.4],
                      color="black", linewidth=1.6)
        edge = max(0.0, row.lift or 0.0, (row.target or 0.0) if row.lift is not None else 0.0)
        axes.text(edge + 1, row_number, row.text.replace("$", r"\$"), va="center", fontsize=7,
                  color="black" if row.lift is not None else NOT_SHOWN)
    axes.set_title(f"Behaviour, {week_name(week)}: overall lift on the baseline (matched reps; "
                   "black tick: target)", fontsize=8)
    axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:+.0f}%"))
    axes.tick_params(axis="x", labelsize=7)
    axes.set_ylim(len(rows) - 0.5, -0.5)  # the first metric at the top, half a row spare
