"""The demo's story as people live it: scenes at the simulated time their heading says, each
message shown once, as its reader sees it (in their time, mentions, channels and dates
resolved), and kept per person for the HTML page.

By default each kind of message is printed once (each role's welcome once): the others are not
printed again, and the scene ends with one line saying who else got them and when, in their own
time. Lines a reader has already seen in an earlier message (the same template with other names
and numbers) are left out and "(the rest as before)" said instead; a long post printed once (an
audit) is later told in one line of key figures. `--full` prints every message. The page keeps
everything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from bot.blocks.render.markup import Directory
from bot.blocks.render.page import Shown, Timeline, page_html
from bot.blocks.render.text import text_lines
from bot.domain.local_time import zone

INDENT = "      "
# Kinds printed each time their text is new: each role's welcome, each week's figures.
EVERY_NEW_TEXT = frozenset({"welcome", "day-32 read-out", "survey results"})
# Kinds printed only as the subject of their scene (the audits of weeks with coaching).
WHEN_SPOTLIT = frozenset({"weekly coaching audit"})
# Long posts: after the first of a title (its names and numbers aside: each week's audit), one
# line of their key figures (the bold "*Label:* value" lines). Another title is printed anew.
LONG_POSTS = frozenset({"weekly coaching audit", "survey results", "day-32 read-out"})
KEY_FIGURES = 5
FIGURE = re.compile(r"^\*([^*]+):\* (.+)$")


@dataclass(frozen=True)
class Reader:
    """Whose timeline a message lands in: a person (their DM) or a channel."""

    name: str  # "Ana Ruiz" or "#kickoff-standups"
    timezone: str
    about: str = ""  # "rep", "manager", "channel"


@dataclass(frozen=True)
class Told:
    """One message as the transcript told it, for the tests: to whom, when, and whether printed
    in full (False: named in a summary line)."""

    reader: str
    at: datetime
    what: str
    key: str
    printed: bool


@dataclass
class Story:
    """Prints the story as it happens and keeps every person's timeline."""

    directory: Directory
    full: bool = False
    told: list[Told] = field(default_factory=list)
    timelines: dict[Reader, list[Shown]] = field(default_factory=dict)
    _shapes: set[str] = field(default_factory=set)
    _line_shapes: set[str] = field(default_factory=set)
    _printed_kinds: set[str] = field(default_factory=set)
    _long_titles: set[str] = field(default_factory=set)  # shapes of long posts' first lines
    _spotlit: set[str] = field(default_factory=set)
    _printed: dict[str, list[str]] = field(default_factory=dict)  # lines, by message key
    _last_key: dict[str, str] = field(default_factory=dict)  # by reader
    _held: dict[str, list[tuple[Reader, datetime]]] = field(default_factory=dict)
    _narrating: bool = False  # the last line printed was a heading or narration

    def scene(self, title: str, at: datetime, timezone: str) -> None:
        """A new scene; its heading says when it happens (in `timezone`)."""
        self.end_scene()
        local = at.astimezone(zone(timezone))
        print(f"\n=== {local:%a %d %b %Y %H:%M} {_place(timezone)} · {title} ===")
        self._narrating = True

    def say(self, text: str) -> None:
        """A line of narration: what someone does (set apart from the messages before it)."""
        print(f"{'' if self._narrating else chr(10)}  {text}")
        self._narrating = True

    def message(
        self, reader: Reader, shown: Shown, *, key: str, edits: str | None = None
    ) -> None:
        """A message reaches `reader`: printed, or held for the scene's summary line. An edit
        of a message printed before (`edits`: its key) prints only its new lines."""
        self.timelines.setdefault(reader, []).append(shown)
        lines = self._lines(reader, shown)
        shape = _shape(shown.what, lines, self.directory)
        shapes = [_shape("", [line], self.directory) for line in lines]
        seen = shape in self._shapes or shown.what in WHEN_SPOTLIT or (
            shown.what not in EVERY_NEW_TEXT and shown.what in self._printed_kinds) or (
            edits is None and set(shapes) <= self._line_shapes)
        spotlit = shown.what in self._spotlit
        printed = self.full or not seen or spotlit
        self._spotlit.discard(shown.what)
        title = _shape(shown.what, lines[:1], self.directory) if shown.what in LONG_POSTS else ""
        if printed and not self.full and title in self._long_titles:
            self.told.append(Told(reader.name, shown.at, shown.what, key, False))
            self._print(reader, shown, [_figures(lines)])
            return
        self.told.append(Told(reader.name, shown.at, shown.what, key, printed))
        if not printed:
            self._held.setdefault(shown.what, []).append((reader, shown.at))
            return
        self._shapes.add(shape)
        self._printed_kinds.add(shown.what)
        self._long_titles.update({title} - {""})
        before = self._printed.get(edits or "", []) if not self.full else []
        new = [line for line in lines if line not in before]
        if not self.full and edits is None:
            # Two or more lines seen before (another reader's copy of the template): left out.
            fresh = [line for line, s in zip(lines, shapes, strict=True)
                     if s not in self._line_shapes]
            new = fresh if len(lines) - len(fresh) >= 2 else new
        self._line_shapes.update(shapes)
        self._print(reader, shown, new + ["(the rest as before)"] * (len(new) < len(lines)))
        self._printed[key], self._last_key[reader.name] = lines, key

    def last_key(self, reader: Reader) -> str | None:
        """The key of the message printed last to `reader` (what a click there edits)."""
        return self._last_key.get(reader.name)

    def spotlight(self, what: str) -> None:
        """The next message of kind `what` is the scene's subject: printed in full."""
        self._spotlit.add(what)

    def view(self, reader: Reader, shown: Shown, *, printed: bool = True) -> None:
        """A modal or App Home `reader` opens (printed unless `printed` is False: the page
        alone shows it)."""
        self.timelines.setdefault(reader, []).append(shown)
        if printed or self.full:
            self._print(reader, shown, self._lines(reader, shown))

    def end_scene(self) -> None:
        """Say who else got the messages held back in the scene, each at their own time."""
        for what, held in self._held.items():
            names = sorted(dict.fromkeys(reader.name for reader, _ in held))
            times = sorted({f"{at.astimezone(zone(r.timezone)):%H:%M}" for r, at in held})
            channel = held[0][0] if all(r.name.startswith("#") for r, _ in held) else None
            clock = f"{_place(channel.timezone)} time" if channel else "their time"
            when = f"at {times[0]} {clock}" if len(times) == 1 else (
                f"between {times[0]} and {times[-1]} {clock}")
            print(f"  (the {what}: {len(held)} more, to {_listed(names)}, {when})")
        self._held.clear()

    def write_html(
        self, path: Path, *, title: str, intro: str, files: dict[str, str] | None = None
    ) -> None:
        """Every timeline, people first, as one self-contained page (`files`: the images
        messages show, by Slack file id, as `data:` URIs)."""
        readers = sorted(self.timelines, key=lambda r: (r.name.startswith("#"), r.name))
        timelines = [Timeline(r.name, f"{r.about}, {r.timezone}".lstrip(", "), r.timezone,
                              self.timelines[r]) for r in readers]
        directory = Directory(self.directory.people, self.directory.channels,
                              self.directory.timezone, files or {})
        path.write_text(page_html(title=title, intro=intro, timelines=timelines,
                                  directory=directory), encoding="utf-8")

    def _lines(self, reader: Reader, shown: Shown) -> list[str]:
        directory = self.directory.reading_in(reader.timezone)
        if shown.blocks:
            return text_lines(shown.blocks, directory)
        return text_lines([{"type": "section", "text": {"type": "mrkdwn", "text": shown.text}}],
                          directory)

    def _print(self, reader: Reader, shown: Shown, lines: list[str]) -> None:
        local = shown.at.astimezone(zone(reader.timezone))
        title = f" \"{shown.title}\"" if shown.title else ""
        where = shown.where if shown.where.startswith("#") else f"{reader.name}, {shown.where}"
        print(f"  {local:%a %d %b %H:%M} {local.tzname():<5} {where}: {shown.what}{title}")
        self._narrating = False
        for line in lines if self.full else _without_repeats(lines, self.directory):
            print(INDENT + line)


def _shape(what: str, lines: list[str], directory: Directory) -> str:
    """A message with the names and numbers taken out: two messages of one shape are the same
    template sent to someone else, or on another day."""
    text = "\n".join(lines)
    for name in sorted(directory.people.values(), key=len, reverse=True):
        text = text.replace(name, "~")
        text = text.replace(name.split()[0], "~")
    return what + "\n" + re.sub(r"\d+|\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b", "#", text)


def _without_repeats(lines: list[str], directory: Directory) -> list[str]:
    """A message's lines without those repeating an earlier line's template (a digest's items
    after the first, each with its Log button), counted in one line when three or more; lines
    without words (a chart's bars) always stay."""
    shapes: set[str] = set()
    kept = []
    for line in lines:
        shape = _shape("", [line], directory)
        if shape not in shapes or not re.search("[A-Za-z]", line):
            kept.append(line)
        shapes.add(shape)
    dropped = len(lines) - len(kept)
    return [*kept, f"({dropped} more lines like those above)"] if dropped >= 3 else lines


def _figures(lines: list[str]) -> str:
    """A long post told again: its title and its first key figures, on one line."""
    title = lines[0].strip("= ") if lines else ""
    figures: list[str] = []
    for line in lines:
        if (match := FIGURE.match(line)) and len(figures) < KEY_FIGURES:
            # "86% (6 of 7 done; target 95%, ...)": the figure and its first clause.
            value = re.sub(r" \(([^;,)]*)[^)]*\)", r" (\1)", match[2])
            figures.append(f"{match[1]} {value}")
    return f"({title}: same layout as before; {'; '.join(figures)})"


def _listed(names: list[str]) -> str:
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]


def _place(timezone: str) -> str:
    return timezone.rsplit("/", 1)[-1].replace("_", " ")
