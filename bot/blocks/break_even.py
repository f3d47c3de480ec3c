"""Break-even in the posts: on the read-out the attainment needed and the bear-case caveat, with
the button that records a decision; on the day-100 re-measure, set beside the attainment lift
measured over the same period."""

from __future__ import annotations

from bot.blocks.text import Block, context, plain, section
from bot.domain.ledger.break_even import BEAR_CASE, AttainmentLift, BreakEven, comparison
from bot.ids import ActionId


def build_readout_ledger(break_even: BreakEven | None, *, program_id: int) -> list[Block]:
    """The read-out's last part: break-even (when its inputs were given), then the button."""
    parts = ([section(f"*Break-even:* {break_even.text()}"), context(BEAR_CASE)]
             if break_even else [])
    button = {"type": "button", "action_id": ActionId.READOUT_DECIDE, "style": "primary",
              "text": plain("Record a decision"), "value": str(program_id)}
    return [*parts, {"type": "actions", "elements": [button]}]


def build_remeasure_break_even(break_even: BreakEven | None,
                               lifts: list[AttainmentLift]) -> list[Block]:
    """The re-measure's break-even line (none without inputs)."""
    if break_even is None:
        return []
    return [section(f"*Break-even:* {break_even.text()}; {comparison(break_even, lifts)}")]
