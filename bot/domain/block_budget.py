"""Block budgets: how many blocks each Slack surface takes, and how a surface is shared out
between its sections, with paging where a section has more rows than its share.

Slack refuses a home view over 100 blocks, a message over 50 and a modal over 100. A surface is
built section by section: each gets the room left, less what is kept back for the sections still
to come, so a long first section can never crowd out the others. A feature registry can pass
each section's own budget (`Sharing.caps`) in place of the even default.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")


class Surface(StrEnum):
    """A place Slack shows blocks."""

    HOME = "home"
    MESSAGE = "message"
    MODAL = "modal"


LIMITS: Mapping[Surface, int] = {Surface.HOME: 100, Surface.MESSAGE: 50, Surface.MODAL: 100}
KEEP_PER_SECTION = 8  # blocks kept back for each section still to come


@dataclass(frozen=True)
class Sharing:
    """How one surface's blocks are shared between its sections, in order.

    `caps` (section name -> blocks) lets a registry give a section at most its own budget.
    """

    surface: Surface
    keep: int = KEEP_PER_SECTION
    caps: Mapping[str, int] = field(default_factory=dict)

    @property
    def limit(self) -> int:
        """The surface's limit."""
        return LIMITS[self.surface]

    def room(self, *, name: str, used: int, after: int) -> int:
        """Blocks the section `name` may take, with `used` taken and `after` sections to come."""
        room = self.limit - used - self.keep * after
        return min(room, self.caps[name]) if name in self.caps else room


def fit(blocks: list[T], surface: Surface) -> list[T]:
    """The blocks within the surface's limit (a last guard: sections keep to their room)."""
    return blocks[: LIMITS[surface]]


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list: its rows, which page it is (from 0) and how many there are."""

    rows: Sequence[T]
    number: int
    count: int


def page_of(items: Sequence[T], *, size: int, number: int) -> Page[T]:
    """Page `number` of `items` cut into pages of `size` rows (an out-of-range number: the
    nearest page, as a button from an older view may ask for a page that is gone)."""
    size = max(size, 1)
    count = max(-(-len(items) // size), 1)
    number = min(max(number, 0), count - 1)
    return Page(rows=items[number * size:(number + 1) * size], number=number, count=count)
