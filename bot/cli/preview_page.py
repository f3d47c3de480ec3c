"""`program preview --html FILE`: the planned sends as one self-contained page, each message
drawn from the exact payload the bot would send, in its recipient's timeline and time."""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

from bot.blocks.render.markup import Directory
from bot.blocks.render.page import Shown, Timeline, page_html
from scheduler.preview import PreviewItem


def write_preview_page(
    path: Path, *, program_name: str, items: list[PreviewItem], directory: Directory
) -> None:
    """Write the page: one timeline per recipient (a person, or a channel), in their time."""
    timelines = [
        _timeline(recipient, list(sends), directory)
        for recipient, sends in groupby(items, key=lambda item: item.recipient)
    ]
    intro = (f"What {program_name} will send, per person and channel, each in its recipient's "
             "own time, drawn from the messages the bot would send.")
    path.write_text(page_html(title=f"{program_name}: preview", intro=intro, timelines=timelines,
                              directory=directory), encoding="utf-8")


def _timeline(recipient: str, sends: list[PreviewItem], directory: Directory) -> Timeline:
    channel = recipient.removeprefix("channel ")
    is_channel = channel != recipient
    who = f"#{directory.channels.get(channel, channel)}" if is_channel else recipient
    where = who if is_channel else "DM"
    entries = [Shown(at=item.local_due, surface="message", where=where, what=item.what,
                     blocks=item.blocks or [], text=item.text) for item in sends]
    return Timeline(who=who, about=sends[0].timezone, timezone=sends[0].timezone, entries=entries)
