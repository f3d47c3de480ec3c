"""The read-out's gap survey section: per item the mean before and after the kickoff and the
change, over the whole audience with the counts, or which survey gave no figures."""

from __future__ import annotations

from bot.blocks.text import Block, escape, section
from bot.domain.surveys.gap import GapChange


def build_gap_change_blocks(gap: GapChange | None) -> list[Block]:
    """The section (none when the program ran no gap survey)."""
    if gap is None:
        return []
    if not gap.items:
        reasons = "; ".join(gap.missing) or "no item was answered both times"
        return [section(f"*Gap survey, before and after:* no comparison: {escape(reasons)}.")]
    lines = ["*Gap survey, before and after* (all reps asked, means on 1-5)"]
    lines += [f"• {escape(item.prompt)} {item.pre} → {item.post} ({item.change:+}; "
              f"{item.pre_count} then {item.post_count} answers)" for item in gap.items]
    return [section("\n".join(lines))]
