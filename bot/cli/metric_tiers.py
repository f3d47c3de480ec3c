"""`kickoff-bot metrics PROGRAM --by-tier` as lines: each metric's lift per hidden tier, or why
it is not shown, and the regression-to-the-mean note."""

from __future__ import annotations

from bot.blocks.metrics_lines import group_line, metric_title, week_name
from bot.services.tiers.lift import REGRESSION_NOTE, TierFigures
from db.models import Program


def tier_text(program: Program, week: int, figures: list[TierFigures]) -> list[str]:
    """The lift by tier as plain lines for a terminal (tiers are never shown in Slack)."""
    def same(text: str) -> str:
        """A terminal shows text as it is: nothing to escape."""
        return text

    lines = [f"Behaviour metrics of {program.name} by hidden tier, {week_name(week)} against "
             "the baseline"]
    for item in figures:
        lines += ["", metric_title(item.figures)]
        if not item.figures.teams:
            counts = ", ".join(f"{tier} {count}" for tier, count in item.matched.items())
            lines.append(f"  not shown: every tier needs {item.smallest} reps with both a "
                         f"baseline and the week ({counts})")
        lines += [f"  {group_line(item.figures, group, same)}" for group in item.figures.teams]
    return [*lines, "", REGRESSION_NOTE]
