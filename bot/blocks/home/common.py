"""What every home section shares: dividers, dates, and keeping a list within its room."""

from __future__ import annotations

from datetime import date

from bot.blocks.text import Block, context

DIVIDER: Block = {"type": "divider"}


def short_date(day: date) -> str:
    """A date read at a glance: Thu 18 Mar."""
    return f"{day:%a} {day.day} {day:%b}"


def clip(text: str, limit: int = 300) -> str:
    """What someone typed, cut to `limit` characters (before escaping) so a list stays short."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def within(rows: list[list[Block]], room: int, more: str) -> list[Block]:
    """As many rows (each a few blocks) as fit in `room`, and a line saying what was left out.

    `more` is formatted with the number of rows left out, e.g. "…and {} more".
    """
    blocks: list[Block] = []
    for index, row in enumerate(rows):
        left = len(rows) - index
        needs = len(row) + (1 if left > 1 else 0)
        if len(blocks) + needs > room:
            return [*blocks, context(more.format(left))] if room > len(blocks) else blocks
        blocks += row
    return blocks
