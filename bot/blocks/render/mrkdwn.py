"""Slack mrkdwn as HTML: bold, italics, strike, code, links, mentions, dates, quotes and lists.

Markup and code are set aside first (so a `*` inside a link or code stays as typed), the rest is
escaped for HTML, emphasis applied, then the set-aside pieces put back rendered.
"""

from __future__ import annotations

import html
import re

from bot.blocks.render.markup import TOKEN, Directory, resolve
from bot.blocks.text import unescape

CODE_BLOCK = re.compile(r"```(.+?)```", re.S)
CODE = re.compile(r"`([^`\n]+)`")
EMPHASIS = (
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), "b"),
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"), "i"),
    (re.compile(r"(?<![\w~])~(?=\S)([^~\n]+?)(?<=\S)~(?![\w~])"), "s"),
)
BULLET = re.compile(r"^\s*(?:•|-|◦|▪)\s+")
NUMBERED = re.compile(r"^\s*\d+[.)]\s+")
HOLE = "\x00{}\x00"
# The emoji the bot's own texts use; any other `:name:` stays as written, as in Slack's text.
EMOJI = {
    "wave": "👋", "white_check_mark": "✅", "palm_tree": "🌴", "construction": "🚧",
    "warning": "⚠️", "tada": "🎉", "calendar": "📅", "bar_chart": "📊", "memo": "📝",
    "hourglass_flowing_sand": "⏳", "x": "❌", "bell": "🔔", "clipboard": "📋",
    "speech_balloon": "💬", "star": "⭐", "heavy_check_mark": "✔️", "eyes": "👀",
}


def emoji(text: str) -> str:
    """`:name:` shortcodes the bot uses, as the emoji Slack shows."""
    return re.sub(r":([a-z0-9_+-]+):", lambda m: EMOJI.get(m.group(1), m.group(0)), text)


def mrkdwn_html(text: str, directory: Directory) -> str:
    """One mrkdwn text object as HTML (block-level quotes and lists included)."""
    held: list[str] = []

    def hold(piece: str) -> str:
        held.append(piece)
        return HOLE.format(len(held) - 1)

    text = CODE_BLOCK.sub(lambda m: hold(f"<pre>{_escaped(m.group(1))}</pre>"), text)
    text = CODE.sub(lambda m: hold(f"<code>{_escaped(m.group(1))}</code>"), text)
    text = TOKEN.sub(lambda m: hold(_token_html(m.group(1), directory)), text)
    body = _lines_html(emoji(html.escape(unescape(text), quote=False)))
    return re.sub("\x00(\\d+)\x00", lambda m: held[int(m.group(1))], body)


def plain_html(text: str) -> str:
    """A plain_text object as HTML: escaped, emoji shown, line breaks kept."""
    return emoji(html.escape(text, quote=False)).replace("\n", "<br>")


def _escaped(text: str) -> str:
    return html.escape(unescape(text), quote=False)


def _token_html(token: str, directory: Directory) -> str:
    seen = resolve(token, directory)
    text = html.escape(seen.text, quote=False)
    if seen.kind == "link":
        return f'<a href="{html.escape(seen.url or "")}" rel="noreferrer">{text}</a>'
    return f'<span class="{seen.kind}">{text}</span>'


def _lines_html(text: str) -> str:
    """Quotes (`>` lines) and lists (`•`, `-`, `1.` lines) grouped; other lines joined by <br>."""
    out: list[str] = []
    group: tuple[str, list[str]] | None = None
    for line in text.split("\n"):
        tag, content = _line_kind(line)
        content = _emphasis(content)
        if group and group[0] != tag:
            out.append(_group_html(*group))
            group = None
        if tag == "p":
            out.append(content + "<br>")
        else:
            group = group or (tag, [])
            group[1].append(content)
    if group:
        out.append(_group_html(*group))
    return "".join(out).removesuffix("<br>")


def _emphasis(line: str) -> str:
    """Bold, italics and strike within one line (Slack never carries them over a line break)."""
    for pattern, tag in EMPHASIS:
        line = pattern.sub(rf"<{tag}>\1</{tag}>", line)
    return line


def _line_kind(line: str) -> tuple[str, str]:
    if line.startswith("&gt;"):
        return "blockquote", line[4:].lstrip()
    if BULLET.match(line):
        return "ul", BULLET.sub("", line)
    if NUMBERED.match(line):
        return "ol", NUMBERED.sub("", line)
    return "p", line


def _group_html(tag: str, lines: list[str]) -> str:
    if tag == "blockquote":
        return "<blockquote>" + "<br>".join(lines) + "</blockquote>"
    return f"<{tag}>" + "".join(f"<li>{line}</li>" for line in lines) + f"</{tag}>"
