"""The certification lines of the Monday audit and the read-out: percent certified per stage,
overall and per manager's team (small teams folded, no rep named), and the reviews pending."""

from __future__ import annotations

from bot.blocks.text import Block, escape, section
from bot.domain.certification.figures import CertificationFigures, Share

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
    late = f" ({figures.reviews_overdue} over 3 working days)" if figures.reviews_overdue else ""
    lines.append(f"• Talk-track reviews pending: {figures.reviews_pending}{late}")
    return [section("\n".join(lines))]


def _share(share: Share) -> str:
    return f"{escape(share.label)} {share.percent}% ({share.passed} of {share.assigned})"
