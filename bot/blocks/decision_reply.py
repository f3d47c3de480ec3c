"""A decision as posted in the read-out's thread: typed text escaped, the owner by name."""

from __future__ import annotations

from bot.blocks.text import Block, context, escape, section
from bot.domain.ledger.decisions import DecisionLine, confounds_text

VERDICT_WORDS = {"keep": "Keep", "change": "Change", "kill": "Kill"}


def decision_text(line: DecisionLine) -> str:
    """"*Call reviews: Change* (owner Ada Park): reason. Confounds: new comp plan." (escaped)"""
    return (f"*{escape(line.name)}: {VERDICT_WORDS[line.verdict]}* (owner {escape(line.owner)})"
            f": {escape(line.reason)}\nConfounds present: {confounds_text(list(line.confounds))}")


def build_decision_reply(line: DecisionLine) -> list[Block]:
    """The reply: the decision, and its version once edited."""
    note = ("Recorded for the ROI ledger; editable for 14 days." if line.version == 1
            else f"Edited (version {line.version}); earlier versions are kept in the ledger.")
    return [section(decision_text(line)), context(note)]


def decision_fallback(line: DecisionLine) -> str:
    """The notification text (escaped, like every text Slack renders)."""
    return f"Decision: {escape(line.name)}: {VERDICT_WORDS[line.verdict]}"
