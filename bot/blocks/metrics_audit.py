"""The behaviour figures in the audit channel: the weekly audit's "Behaviour" section and the
read-out's week-4 review. Teams by their manager's name, never a rep; groups below the smallest
group folded or left out before the figures reach here."""

from __future__ import annotations

from datetime import date

from bot.blocks.audit import pack
from bot.blocks.metrics_lines import (
    figure,
    has_data,
    lift_text,
    metric_lines,
    metric_title,
    week_name,
    without_data_line,
)
from bot.blocks.text import Block, context, escape, section
from bot.domain.metrics.figures import MetricFigures

MAX_SECTIONS = 3  # beyond this the section shows the overall lines only
BEAR_CASE = (
    "Attribution: lift that coincides with new comp plans, territory changes or product "
    "launches is not all the kickoff's; the source's bear case puts the share of post-kickoff "
    "activity lift attributable to the event itself at about 12% once those are controlled for."
)


def build_behaviour_section(figures: tuple[MetricFigures, ...], *, program: str) -> list[Block]:
    """Per metric: baseline, the latest week ended, lift, target, held or not, per manager's
    team and overall; only the overall lines when the teams would not fit."""
    if not figures:
        return []
    title = (f"*Behaviour*: {week_name(figures[0].week)} against the baseline (the 4 weeks "
             "before the kickoff), matched reps only")
    texts = pack(title, _lines(figures, teams=True))
    if len(texts) > MAX_SECTIONS:
        texts = pack(title, _lines(figures, teams=False))[:MAX_SECTIONS]
        texts.append(f"Per team: `kickoff-bot metrics {escape(program)} --week "
                     f"{figures[0].week}` (from the shell).")
    return [*(section(text) for text in texts), context(
        "Lift is the ratio of sums over the reps with both a baseline and the week; teams with "
        "fewer such reps than the smallest group are folded into other teams; no rep is named.")]


def build_week4_review(figures: tuple[MetricFigures, ...], *, as_of: date) -> list[Block]:
    """The read-out's week-4 review: overall baseline vs week 4 (as it stood on `as_of`), lift,
    target, held, coverage, and the bear case's note on attribution."""
    if not figures:
        return []
    title = (f"*Week-4 review*: behaviour in {week_name(figures[0].week)} against the baseline, "
             f"as of {as_of:%a %d %b}")
    return [*(section(text) for text in pack(title, _lines(figures, teams=False))),
            context(BEAR_CASE)]


def _lines(figures: tuple[MetricFigures, ...], *, teams: bool) -> list[str]:
    lines: list[str] = []
    for item in filter(has_data, figures):
        shown = metric_lines(item, escape, teams=teams)
        lines += [f"*{escape(metric_title(item))}*", *(f"• {line}" for line in shown)]
    return lines + without_data_line(figures, escape)


def build_remeasure_message(
    week_4: tuple[MetricFigures, ...], now: tuple[MetricFigures, ...]
) -> list[Block]:
    """Day 100: per metric, overall, the baseline, week 4 and the re-measure week, each lift
    against the baseline, the target and whether it still holds."""
    lines: list[str] = []
    for then, later in zip(week_4, now, strict=True):
        lines.append(f"*{escape(metric_title(later))}*")
        lines.append(f"• {_then_and_now(then, later)}")
    title = (f"*Re-measure*: baseline vs week 4 vs {week_name(now[0].week)}, overall, "
             "matched reps only" if now else "*Re-measure*: no metrics are tracked")
    return [*(section(text) for text in pack(title, lines)), context(BEAR_CASE)]


def remeasure_fallback(program: str) -> str:
    """The notification text of the re-measure post."""
    return f"{program}: behaviour at day 100 against the baseline and week 4"


def _then_and_now(then: MetricFigures, later: MetricFigures) -> str:
    if later.overall is None or then.overall is None:
        return (f"fewer than the smallest group of reps with both a baseline and the week "
                f"({then.matched} in week 4, {later.matched} now): not shown")
    before, after = then.overall.lift, later.overall.lift
    return (f"baseline {figure(after.baseline_mean)} · week 4 {figure(before.week_mean)} "
            f"({lift_text(before)}, {then.overall.verdict}) · now {figure(after.week_mean)} "
            f"({lift_text(after)}, {later.overall.verdict}; {after.coverage} with both)")
