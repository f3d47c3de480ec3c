"""The audit's chart: coaching completion per manager and program week, as a small PNG.

A heat map (red to green) with each cell's percentage written in it, all managers together on
the first row, then the managers lowest this week. Drawn with matplotlib's object API on the
Agg renderer: no pyplot, no display, no global state, so it is safe in the dispatcher's thread.
"""

from __future__ import annotations

from io import BytesIO

import numpy as np
from matplotlib.figure import Figure

from bot.domain.audit.numbers import ManagerHistory, Tally, WeekNumbers

MAX_MANAGERS = 15  # rows after "All managers"; the CSV or the text has everyone
NAME_WIDTH = 26
ALL_MANAGERS = "All managers"


def chart_rows(numbers: WeekNumbers) -> tuple[list[int], list[tuple[str, list[Tally | None]]]]:
    """The weeks shown, and the rows: all managers, then those lowest this week."""
    weeks = sorted({n for manager in numbers.managers for n in manager.weeks})
    if not weeks:
        return [], []
    overall = [sum((m.weeks.get(n, Tally()) for m in numbers.managers), Tally()) for n in weeks]
    lowest = sorted(numbers.managers, key=lambda m: _sort_key(m, numbers.program_week))
    first: list[Tally | None] = list(overall)
    return weeks, [(ALL_MANAGERS, first)] + [
        (manager.name, [manager.week(n) for n in weeks]) for manager in lowest[:MAX_MANAGERS]
    ]


def render_chart(numbers: WeekNumbers) -> bytes | None:
    """The PNG of completion per manager and week; None when no coaching was due yet."""
    weeks, rows = chart_rows(numbers)
    if not weeks:
        return None
    rates = np.ma.masked_invalid(np.array([
        [np.nan if tally is None or tally.rate is None else tally.rate for tally in tallies]
        for _, tallies in rows
    ]))
    figure = Figure(figsize=(2.6 + 0.8 * len(weeks), 0.9 + 0.3 * len(rows)), dpi=100)
    axes = figure.add_subplot()
    axes.imshow(rates, cmap="RdYlGn", vmin=0.0, vmax=1.0, aspect="auto")
    for row, (_, tallies) in enumerate(rows):
        for column, tally in enumerate(tallies):
            percent = tally.percent if tally is not None else None
            axes.text(column, row, "-" if percent is None else f"{percent}%",
                      ha="center", va="center", fontsize=8)
    axes.set_xticks(range(len(weeks)), [f"Week {n}" for n in weeks], fontsize=8)
    axes.set_yticks(range(len(rows)), [_short(name) for name, _ in rows], fontsize=8)
    shown, everyone = len(rows) - 1, len(numbers.managers)
    lowest = f", the {shown} lowest of {everyone}" if shown < everyone else ""
    axes.set_title(f"Coaching done of due, target {round(numbers.target * 100)}%{lowest}",
                   fontsize=9)
    figure.tight_layout()
    png = BytesIO()
    figure.savefig(png, format="png")  # a PNG is drawn by the Agg renderer
    return png.getvalue()


def _sort_key(manager: ManagerHistory, week: int) -> tuple[float, str]:
    tally = manager.week(week)
    rate = tally.rate if tally is not None else None
    return (2.0 if rate is None else rate, manager.name)


def _short(name: str) -> str:
    return name if len(name) <= NAME_WIDTH else name[: NAME_WIDTH - 1] + "…"
