"""The audit's chart: each manager's week, 1:1s, call reviews and territory reviews apart, as a
small PNG.

Three panels share one row per manager, in the audit's order (below the 1:1 target first): the
1:1s done of due against the target (solid line) and the typical baseline (dashed line), then
call reviews and territory reviews done of due against their own cadence (every one due done).
Every bar is labelled with its figures ("67% (2 of 3)", "1 of 2"), a cadence with nothing due
says so rather than showing an empty bar, and the axes run from 0 to 100%. The figures are the
audit's standings (bot/domain/audit/standings.py), the same the message and the CSV show.
Reps never appear. Below them, once the audit has behaviour figures, the Behaviour panel
(bot/services/audit/behaviour_chart.py): per metric, the overall lift the Behaviour section
shows, and its target. Drawn with matplotlib's object API on the Agg renderer: no pyplot, no
display, no global state, so it is safe in the dispatcher's thread.
"""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from bot.domain.audit.numbers import Tally, WeekNumbers
from bot.domain.audit.standings import OWN_CADENCE, Mark, Standing, on_cadence, standings
from bot.domain.coaching.vocabulary import CADENCE_NAMES
from bot.domain.metrics.figures import MetricFigures
from bot.services.audit.behaviour_chart import behaviour_rows, draw_behaviour

WIDTH = 10.0  # inches
MAX_MANAGERS = 25  # rows a chart stays readable with; the message or the CSV has everyone
ROW = 0.34  # inches per bar
BEHAVIOUR_GAP = 0.9  # inches between the panels: the coaching axis and the Behaviour title
NAME_WIDTH = 26
COLOURS = {Mark.AT_TARGET: "#2e7d32", Mark.BELOW_TARGET: "#ef8f00",
           Mark.UNDER_BASELINE: "#c62828"}
KEPT, NOT_KEPT = "#2e7d32", "#ef8f00"  # a cadence kept, or with items due not done
NONE_DUE = "#757575"
LEGEND = ("Done of due this week, excused items left out; managers below the 1:1 target first, "
          "then behind on another cadence.\nRed: under the baseline; orange: below target, or a "
          "cadence with items due not done; green: at target, or every one due done.")


def charted(numbers: WeekNumbers) -> list[Standing]:
    """The managers the chart shows, in the audit's order; none when no coaching was due this
    week (or the audit predates the cadence types being kept apart: its text has the figures)."""
    due = any(tally.counted for tally in numbers.cadences.values())
    if not due or not any(manager.cadences for manager in numbers.managers):
        return []
    return standings(numbers)[:MAX_MANAGERS]


def chart_figure(
    numbers: WeekNumbers, behaviour: tuple[MetricFigures, ...] = ()
) -> Figure | None:
    """The chart as a matplotlib figure, with the Behaviour panel when `behaviour` (the figures
    stored for the audit's Behaviour section) has a metric with data; None when no coaching was
    due (nothing to chart)."""
    shown = charted(numbers)
    if not shown:
        return None
    metrics = behaviour_rows(behaviour)
    gap = BEHAVIOUR_GAP if metrics else 0.0
    height = 1.6 + ROW * (len(shown) + len(metrics)) + gap
    figure = Figure(figsize=(WIDTH, height), dpi=100)
    grid = figure.add_gridspec(
        2 if metrics else 1, 3, width_ratios=[1.5, 1, 1],
        height_ratios=[len(shown), len(metrics)] if metrics else None,
        hspace=gap / (ROW * (len(shown) + len(metrics)) / 2) if metrics else 0.0)
    one_on_ones = figure.add_subplot(grid[0, 0])
    others = [figure.add_subplot(grid[0, n], sharey=one_on_ones) for n in (1, 2)]
    _one_on_ones(one_on_ones, shown, numbers)
    for axes, cadence in zip(others, OWN_CADENCE, strict=True):
        _own_cadence(axes, shown, cadence.value, f"{CADENCE_NAMES[cadence]}s".capitalize())
        axes.tick_params(axis="y", labelleft=False)
    one_on_ones.set_yticks(range(len(shown)), [_label(s.name) for s in shown], fontsize=8)
    one_on_ones.invert_yaxis()  # the first in the audit's order at the top
    if metrics:
        panel = figure.add_subplot(grid[1, :])
        draw_behaviour(panel, metrics, behaviour[0].week)
        panel.set_yticks(range(len(metrics)), [_label(row.name) for row in metrics], fontsize=8)
    figure.suptitle(_title(numbers, len(shown)), fontsize=9)
    figure.text(0.01, 0.05 / height, LEGEND, fontsize=7)
    # Fixed margins in inches (names, the panels' titles, the legend): tight_layout would
    # measure every label first, which costs more than drawing the chart.
    figure.subplots_adjust(left=1.9 / WIDTH, right=1 - 0.25 / WIDTH, top=1 - 1.0 / height,
                           bottom=0.6 / height, wspace=0.15)
    return figure


def render_chart(
    numbers: WeekNumbers, behaviour: tuple[MetricFigures, ...] = ()
) -> bytes | None:
    """The chart as a PNG; None when there is nothing to chart."""
    figure = chart_figure(numbers, behaviour)
    if figure is None:
        return None
    png = BytesIO()
    figure.savefig(png, format="png")  # a PNG is drawn by the Agg renderer
    return png.getvalue()


def _one_on_ones(axes: Axes, shown: list[Standing], numbers: WeekNumbers) -> None:
    for row, standing in enumerate(shown):
        tally = standing.cadences.get("one_on_one")
        colour = COLOURS[standing.mark] if standing.mark is not None else NONE_DUE
        _bar(axes, row, tally, colour, lambda t: f"{t.percent}% ({t.done} of {t.counted})")
    target, baseline = round(numbers.target * 100), round(numbers.baseline * 100)
    axes.axvline(target, color="black", linewidth=1.2)
    axes.axvline(baseline, color="black", linewidth=1.0, linestyle="--")
    marks = axes.secondary_xaxis("top")
    marks.set_xticks([baseline, target], [f"baseline {baseline}%", f"target {target}%"],
                     fontsize=7)
    _frame(axes, "1:1s done of due")


def _own_cadence(axes: Axes, shown: list[Standing], cadence: str, name: str) -> None:
    for row, standing in enumerate(shown):
        tally = standing.cadences.get(cadence)
        colour = KEPT if on_cadence(tally) else NOT_KEPT
        _bar(axes, row, tally, colour, lambda t: f"{t.done} of {t.counted}")
    axes.axvline(100, color="black", linewidth=1.2)
    _frame(axes, f"{name} done of due\n(cadence: every one due)")


def _bar(axes: Axes, row: int, tally: Tally | None, colour: str,
         label: Callable[[Tally], str]) -> None:
    """One manager's bar with its figures written on it, or "none due" without a bar."""
    if tally is None or tally.rate is None:
        axes.text(2, row, "none due", va="center", fontsize=7, color=NONE_DUE)
        return
    width = tally.rate * 100
    axes.barh(row, width, color=colour, height=0.6)
    text = label(tally)
    inside = width >= 45  # long bars carry their label inside, short ones just after
    axes.text(width - 1 if inside else width + 1, row, text, va="center", fontsize=7,
              ha="right" if inside else "left", color="white" if inside else "black")


def _frame(axes: Axes, title: str) -> None:
    axes.set_xlim(0, 100)
    axes.set_xticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"], fontsize=7)
    axes.set_title(title, fontsize=8)


def _title(numbers: WeekNumbers, shown: int) -> str:
    everyone = len(numbers.managers)
    who = (f"the first {shown} of {everyone} managers in the audit's order" if shown < everyone
           else f"all {everyone} managers")
    return (f"{_escaped(numbers.program)}: coaching in week {numbers.program_week} "
            f"({numbers.week}), {who}")


def _label(name: str) -> str:
    """A manager's name, shortened to fit."""
    return _escaped(name if len(name) <= NAME_WIDTH else name[: NAME_WIDTH - 1] + "…")


def _escaped(text: str) -> str:
    """`text` with its dollar signs escaped: matplotlib reads $...$ as mathematics."""
    return text.replace("$", r"\$")
