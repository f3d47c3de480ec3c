"""`program preview --html FILE`: the planned sends as one self-contained page, each message
drawn from the exact payload the bot would send, in its recipient's timeline and time, with
what they open from them: their App Home, the form a prompt opens."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from itertools import groupby
from pathlib import Path
from typing import Any

from bot.blocks.render.markup import Directory
from bot.blocks.render.page import Shown, Timeline, modal_shown, page_html
from scheduler.preview import PreviewItem

View = dict[str, Any]


@dataclass(frozen=True)
class Opened:
    """What people open, by recipient: their App Home (when, and the view), and the form the
    first message of a kind opens (that kind's name, the form's name, the view)."""

    homes: Mapping[str, tuple[datetime, View]] = field(default_factory=dict)
    forms: Mapping[str, tuple[str, str, View]] = field(default_factory=dict)


def write_preview_page(
    path: Path, *, program_name: str, items: list[PreviewItem], directory: Directory,
    opened: Opened,
) -> None:
    """Write the page: one timeline per recipient (a person, or a channel), in their time."""
    timelines = [
        _timeline(recipient, list(sends), directory, opened)
        for recipient, sends in groupby(items, key=lambda item: item.recipient)
    ]
    intro = (f"What {program_name} will send, per person and channel, each in its recipient's "
             "own time, drawn from the messages the bot would send; examples of what people "
             "do are marked (example).")
    path.write_text(page_html(title=f"{program_name}: preview", intro=intro, timelines=timelines,
                              directory=directory), encoding="utf-8")


def _timeline(recipient: str, sends: list[PreviewItem], directory: Directory,
              opened: Opened) -> Timeline:
    channel = recipient.removeprefix("channel ")
    is_channel = channel != recipient
    who = f"#{directory.channels.get(channel, channel)}" if is_channel else recipient
    where = who if is_channel else "DM"
    entries = [Shown(at=item.local_due, surface="message", where=where, what=item.what,
                     blocks=item.blocks or [], text=item.text) for item in sends]
    if recipient in opened.forms:
        opener, what, view = opened.forms[recipient]
        first = next((n for n, e in enumerate(entries) if e.what == opener), None)
        if first is not None:
            entries.insert(first + 1, modal_shown(view, at=entries[first].at, what=what))
    if recipient in opened.homes:
        at, view = opened.homes[recipient]
        entries.append(Shown(at=at, surface="home", where="App Home", what="Home tab",
                             blocks=view["blocks"]))
    entries.sort(key=lambda entry: entry.at)  # stable: a form stays after its message
    return Timeline(who=who, about=sends[0].timezone, timezone=sends[0].timezone, entries=entries)
