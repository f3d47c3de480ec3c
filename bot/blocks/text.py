"""Text helpers for Block Kit: mrkdwn escaping, and the primitives every builder uses."""

from __future__ import annotations

from typing import Any

Block = dict[str, Any]

# Slack's limit for one text object in a section or context block.
MAX_TEXT = 3000


def escape(text: str) -> str:
    """Escape what a user typed so `<!channel>`, `<@U…>` and links show as text and ping nobody."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape(text: str) -> str:
    """What a person typed, from Slack's message text (which escapes only these three)."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def mrkdwn(text: str) -> dict[str, Any]:
    """A mrkdwn text object."""
    return {"type": "mrkdwn", "text": text}


def plain(text: str) -> dict[str, Any]:
    """A plain_text text object (emoji rendered)."""
    return {"type": "plain_text", "text": text, "emoji": True}


def section(text: str) -> Block:
    """A section block with mrkdwn text."""
    return {"type": "section", "text": mrkdwn(text)}


def header(text: str) -> Block:
    """A header block (Slack caps it at 150 characters)."""
    return {"type": "header", "text": plain(text[:150])}


def context(text: str) -> Block:
    """A context block with one mrkdwn element."""
    return {"type": "context", "elements": [mrkdwn(text)]}


def split_escaped(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Cut already-escaped text into pieces of at most `limit` characters.

    Escaping can make text five times longer, so split after escaping; a cut never falls inside
    an entity such as `&amp;`, and prefers the last line break or space before the limit.
    """
    pieces: list[str] = []
    while len(text) > limit:
        cut = _cut_point(text, limit)
        pieces.append(text[:cut])
        text = text[cut:]
    return [*pieces, text]


def _cut_point(text: str, limit: int) -> int:
    cut = limit
    entity = text.rfind("&", max(0, cut - 5), cut)  # "&amp;" is the longest entity: 5 chars
    if entity > 0 and ";" not in text[entity:cut]:
        cut = entity
    soft = max(text.rfind("\n", 0, cut), text.rfind(" ", 0, cut))
    return soft + 1 if soft > limit // 2 else cut
