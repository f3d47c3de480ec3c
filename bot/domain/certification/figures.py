"""Certification figures as the audit and the read-outs show them (computed in
bot/services/certification/figures.py)."""

from __future__ import annotations

from dataclasses import dataclass

from db.models import CertificationStage


@dataclass(frozen=True)
class Share:
    """Passed of assigned in one group (a manager's team, "other teams", or overall)."""

    label: str
    passed: int
    assigned: int

    @property
    def percent(self) -> int:
        """The share as a whole percentage."""
        return round(100 * self.passed / self.assigned) if self.assigned else 0


@dataclass(frozen=True)
class StageFigures:
    """One stage's figures: overall (None: too few reps) and the teams that may be shown."""

    stage: CertificationStage
    overall: Share | None
    teams: tuple[Share, ...]


@dataclass(frozen=True)
class CertificationFigures:
    """What the audit shows: each stage with a certification, and the reviews pending."""

    stages: tuple[StageFigures, ...]
    reviews_pending: int
    # (reviewer's name, their reviews over 3 working days), by name: a reviewer is accountable
    # as a manager is for their 1:1s; the reps waiting are never named
    overdue_by_reviewer: tuple[tuple[str, int], ...]

    @property
    def reviews_overdue(self) -> int:
        """Reviews waiting over 3 working days, whoever their reviewer."""
        return sum(count for _, count in self.overdue_by_reviewer)


@dataclass(frozen=True)
class SpotCheckFigures:
    """A SpotCheck's read-out: the reps assigned, their managers' ratings, and how many had
    been certified (post-event) by day 30."""

    assigned: int
    still_executing: int
    needs_help: int
    certified_by_day_30: int
    shown: bool  # False: fewer reps than the program's smallest group

    @property
    def not_rated(self) -> int:
        """Reps with no rating (no submission, or a review still waiting)."""
        return self.assigned - self.still_executing - self.needs_help
