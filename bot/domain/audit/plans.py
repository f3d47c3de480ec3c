"""The reps' plans in the audit and the read-out: per manager, signed by both / by the rep only /
missing; a team smaller than the program's smallest group is folded into "other teams" or, when
that cannot be done safely, left out (the overall figure still counts it)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class PlanCounts(BaseModel):
    """One group's plans."""

    model_config = ConfigDict(frozen=True)

    group: str  # a manager's name, "other teams" or "all reps"
    both: int
    rep_only: int
    missing: int

    @property
    def reps(self) -> int:
        """Reps counted."""
        return self.both + self.rep_only + self.missing

    def text(self) -> str:
        """"4 signed by both, 1 by the rep only, 2 missing"."""
        return (f"{self.both} signed by both, {self.rep_only} by the rep only, "
                f"{self.missing} missing")


class PlanStandings(BaseModel):
    """The program's plans as the audit shows them."""

    model_config = ConfigDict(frozen=True)

    overall: PlanCounts | None  # None: fewer reps than the smallest group
    groups: list[PlanCounts]  # managers by name, then "other teams"
    withheld: int = 0  # teams too small to show, even folded
