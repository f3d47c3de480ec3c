"""Slack's markup in message text (mentions, channels, dates, links), resolved for one reader.

Slack shows `<@U…>` as the person's name, `<#C…>` as the channel's, and `<!date^…>` in the
reader's own time zone; the renderers ask this module, so both say the same thing.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.blocks.text import unescape
from bot.domain.local_time import zone

# One piece of markup: everything between `<` and `>` (the text around it escapes both).
TOKEN = re.compile(r"<([^<>\n]+)>")
# Slack's date tokens, spelled as this bot says dates and times elsewhere (24-hour clock).
DATE_TOKENS = {
    "date_num": "%Y-%m-%d",
    "date": "%B %d, %Y",
    "date_short": "%b %d, %Y",
    "date_long": "%A, %B %d, %Y",
    "date_pretty": "%B %d, %Y",
    "date_short_pretty": "%a %d %b",
    "date_long_pretty": "%A %d %B %Y",
    "day_divider_pretty": "%A, %B %d",
    "time": "%H:%M",
    "time_secs": "%H:%M:%S",
}


@dataclass(frozen=True)
class Directory:
    """What a reader's Slack knows: people's and channels' names, the reader's time zone, and the
    files messages show (by file id, as `data:` URIs)."""

    people: Mapping[str, str] = field(default_factory=dict)
    channels: Mapping[str, str] = field(default_factory=dict)
    timezone: str = "UTC"
    files: Mapping[str, str] = field(default_factory=dict)

    def reading_in(self, timezone: str) -> Directory:
        """The same workspace, read by someone in `timezone`."""
        return Directory(self.people, self.channels, timezone, self.files)


def png_uri(content: bytes) -> str:
    """A PNG as a `data:` URI, for a page that reaches no network."""
    return "data:image/png;base64," + base64.b64encode(content).decode("ascii")


@dataclass(frozen=True)
class Resolved:
    """One piece of markup as the reader sees it: its text, and the link it opens (if any)."""

    text: str
    kind: str  # "mention", "channel", "date", "link", "broadcast"
    url: str | None = None


def resolve(token: str, directory: Directory) -> Resolved:
    """The markup between `<` and `>` as the reader sees it."""
    body, _, label = (unescape(part) for part in token.partition("|"))
    if body.startswith("@"):
        return Resolved("@" + directory.people.get(body[1:], label or body[1:]), "mention")
    if body.startswith("#"):
        return Resolved("#" + directory.channels.get(body[1:], label or body[1:]), "channel")
    if body.startswith("!date^"):
        return Resolved(_date(body, label, directory.timezone), "date")
    if body.startswith("!"):
        return Resolved("@" + (label or body[1:].split("^")[0]), "broadcast")
    return Resolved(label or body, "link", url=body)


def _date(body: str, fallback: str, timezone: str) -> str:
    """`!date^EPOCH^FORMAT[^LINK]`, with FORMAT's `{tokens}` in the reader's time zone."""
    parts = body.split("^")
    try:
        instant = datetime.fromtimestamp(int(parts[1]), UTC).astimezone(zone(timezone))
    except (IndexError, ValueError):
        return fallback
    form = parts[2] if len(parts) > 2 else "{date_num}"
    return re.sub(r"\{(\w+)\}", lambda m: _date_token(instant, m.group(1)), form)


def _date_token(instant: datetime, token: str) -> str:
    pattern = DATE_TOKENS.get(token)
    return instant.strftime(pattern) if pattern else "{" + token + "}"


def plain_text(text: str, directory: Directory) -> str:
    """Message text with every piece of markup resolved, as a reader of plain text sees it."""

    pieces = TOKEN.split(text)  # text, token, text, token, ..., text
    return "".join(_token_text(piece, directory) if odd else unescape(piece)
                   for odd, piece in ((n % 2 == 1, p) for n, p in enumerate(pieces)))


def _token_text(token: str, directory: Directory) -> str:
    seen = resolve(token, directory)
    if seen.kind == "link" and seen.url != seen.text:
        return f"{seen.text} ({seen.url})"
    return seen.text
