"""The read-out's comparison of the gap survey before the kickoff and after it, per item.

Whole audience only (no team, manager or tier split) with the counts; each mean is the one
the survey's own results show (one decimal), and the change is their difference, so a reader
can check it by hand. When either survey missed its minimum, only that is said.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, ConfigDict


class GapItem(BaseModel):
    """One gap item's mean before and after, and how many answered each time."""

    model_config = ConfigDict(frozen=True)

    prompt: str
    pre: Decimal
    post: Decimal
    pre_count: int
    post_count: int

    @property
    def change(self) -> Decimal:
        """After minus before, as the two shown means."""
        return self.post - self.pre


class GapChange(BaseModel):
    """The gap survey before and after: the items, or which run gives no figures and why."""

    model_config = ConfigDict(frozen=True)

    items: list[GapItem]  # empty unless both runs met their minimum
    missing: list[str]  # e.g. "the survey after the kickoff missed its minimum of 5 responses"
