"""One self-contained HTML page (no network, no script) showing what each person sees, in their
own time: a timeline per person and channel of messages, modals and App Homes, as Slack draws
them."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.blocks.render.html import blocks_html, text_html
from bot.blocks.render.markup import Directory
from bot.blocks.render.mrkdwn import plain_html
from bot.blocks.render.style import STYLE
from bot.domain.local_time import zone

Json = dict[str, Any]
BOT_NAME = "kickoff-bot"


@dataclass(frozen=True)
class Shown:
    """One thing a person sees: a message, a modal or their App Home, at an instant."""

    at: datetime
    surface: str  # "message", "modal" or "home"
    where: str  # "DM", "#kickoff-standups", "#kickoff-standups, in the thread", ...
    what: str  # the human name of what it is: "standup prompt"
    blocks: list[Json]
    text: str = ""  # the notification text, shown when there are no blocks
    title: str = ""  # a modal's title, and its buttons
    submit: str = ""
    close: str = ""


def modal_shown(view: Json, *, at: datetime, what: str, blocks: list[Json] | None = None) -> Shown:
    """A modal view as its person sees it (`blocks`: its blocks as filled in, if not as sent)."""

    def label(name: str) -> str:
        return str(view.get(name, {}).get("text", ""))

    return Shown(at=at, surface="modal", where="modal", what=what,
                 blocks=view["blocks"] if blocks is None else blocks, title=label("title"),
                 submit=label("submit"), close=label("close"))


@dataclass(frozen=True)
class Timeline:
    """Everything one person (or one channel) sees, in order, in their time zone."""

    who: str
    about: str  # "rep, America/Los_Angeles"
    timezone: str
    entries: Sequence[Shown]


def page_html(
    *, title: str, intro: str, timelines: Sequence[Timeline], directory: Directory
) -> str:
    """The whole page: a list of the timelines, then each one."""
    nav = "".join(
        f'<a href="#{_slug(t.who)}">{html.escape(t.who)} <small>{len(t.entries)}</small></a>'
        for t in timelines
    )
    body = "".join(_timeline(t, directory.reading_in(t.timezone)) for t in timelines)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head><body>"
        f'<header><h1>{html.escape(title)}</h1><p>{html.escape(intro)}</p>'
        f"<nav>{nav}</nav></header><main>{body}</main></body></html>"
    )


def _timeline(timeline: Timeline, directory: Directory) -> str:
    slug = _slug(timeline.who)
    entries = "".join(
        _entry(shown, f"{slug}-{number}", directory)
        for number, shown in enumerate(timeline.entries, start=1)
    )
    return (
        f'<section class="timeline" id="{slug}"><h2>{html.escape(timeline.who)} '
        f"<small>{html.escape(timeline.about)}</small></h2>"
        f'<div class="column">{entries}</div></section>'
    )


def _entry(shown: Shown, anchor: str, directory: Directory) -> str:
    local = shown.at.astimezone(zone(directory.timezone))
    when = f"{local:%a %d %b %H:%M} {local.tzname()}"
    meta = (f'<div class="meta">{html.escape(when)} · {html.escape(shown.where)} · '
            f"{html.escape(shown.what)}</div>")
    return (f'<article class="entry {shown.surface}" id="{anchor}" '
            f'data-what="{html.escape(shown.what)}">{meta}{_surface(shown, directory)}</article>')


def _surface(shown: Shown, directory: Directory) -> str:
    body = blocks_html(shown.blocks, directory) if shown.blocks else (
        f'<div class="block section">{text_html({"type": "mrkdwn", "text": shown.text}, directory)}'
        "</div>")
    if shown.surface == "modal":
        title = plain_html(shown.title or BOT_NAME)
        buttons = "".join(f'<span class="button{css}">{plain_html(label)}</span>'
                          for label, css in ((shown.close, ""), (shown.submit, " primary"))
                          if label)
        footer = f'<div class="modal-footer">{buttons}</div>' if buttons else ""
        return (f'<div class="msg modal-box"><div class="modal-title">{title}</div>'
                f'<div class="modal-body">{body}</div>{footer}</div>')
    if shown.surface == "home":
        return (f'<div class="msg home-box"><div class="home-tabs"><b>Home</b> Messages About'
                f"</div>{body}</div>")
    return (f'<div class="msg"><div class="avatar">K</div><div class="content">'
            f'<div class="sender"><b>{BOT_NAME}</b> <span class="app">APP</span></div>'
            f"{body}</div></div>")


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "timeline"
