"""The `/kickoff help` message."""

from __future__ import annotations

from bot.blocks.text import Block, context, header, section
from bot.domain.capabilities import Capability


def build_help_message(capabilities: list[Capability], *, in_a_program: bool) -> list[Block]:
    """What the caller may do, one line per capability."""
    lines = "\n".join(f"• `{c.usage}`: {c.summary}" for c in capabilities)
    blocks = [header("What you can do with kickoff-bot"), section(lines)]
    if not in_a_program:
        blocks.append(
            context(
                "You are not in a kickoff program yet. "
                "Your enablement team or sales ops adds people when they import the roster."
            )
        )
    return blocks


def help_fallback(capabilities: list[Capability]) -> str:
    """The plain-text fallback of the help message (notifications, screen readers)."""
    return "You can use: " + ", ".join(c.usage for c in capabilities)
