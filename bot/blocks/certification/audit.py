"""The certification lines of the Monday audit and the read-out: percent certified per stage,
overall and per manager's team (small teams folded, no rep named), and the reviews pending, with
the reviewers who have some over 3 working days."""

from __future__ import annotations

from bot.blocks.text import Block, escape, section
from bot.domain.certification.figures import CertificationFigures, Share, SpotCheckFigures

STAGE_NAMES = {"pre-event": "Pre-event completion", "post-event": "Certified (post-event)"}


def build_certification_lines(figures: CertificationFigures | None) -> list[Block]:
    """One section (none when the program has no certification)."""
    if figures is None:
        return []
    lines = ["*Certifications*"]
    for stage in figures.stages:
        parts = [_share(share) for share in (stage.overall, *stage.teams) if share is not None]
        lines.append(f"• {STAGE_NAMES.get(stage.stage, stage.stage)}: "
                     + ("; ".join(parts) or "fewer reps than the smallest group: not shown"))
    reviewers = ", ".join(f"{escape(name)} {count}" for name, count in figures.overdue_by_reviewer)
    late = (f" ({figures.reviews_overdue} over 3 working days: {reviewers})"
            if figures.reviews_overdue else "")
    lines.append(f"• Talk-track reviews pending: {figures.reviews_pending}{late}")
    return [section("\n".join(lines))]


def _share(share: Share) -> str:
    return f"{escape(share.label)} {share.percent}% ({share.passed} of {share.assigned})"


def build_spotcheck_readout(name: str, figures: SpotCheckFigures) -> list[Block]:
    """The SpotCheck's read-out: still executing vs certified at day 30 (no rep named)."""
    if not figures.shown:
        return [section(f"*SpotCheck read-out: {escape(name)}*\nFewer reps than the smallest "
                        "group: no figures are shown.")]
    executing = _percent(figures.still_executing, figures.assigned)
    certified = _percent(figures.certified_by_day_30, figures.assigned)
    return [section(
        f"*SpotCheck read-out: {escape(name)}*\n"
        f"• Still executing: *{executing}%* ({figures.still_executing} of "
        f"{figures.assigned}; {figures.needs_help} need help and went back into the cycle, "
        f"{figures.not_rated} not rated)\n"
        f"• Certified at day 30: *{certified}%* "
        f"({figures.certified_by_day_30} of {figures.assigned})")]


def spotcheck_fallback(name: str) -> str:
    """The notification text of the SpotCheck read-out."""
    return f"SpotCheck read-out: {name}"


def _percent(count: int, total: int) -> int:
    return round(100 * count / total) if total else 0
