"""What a decision on the day-32 read-out says: an intervention, keep / change / kill, an
owner, one line of reason and the confounds present ("decide which interventions stick and which
die before Q2. Document decisions in [the] ROI ledger")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

EDIT_WINDOW = timedelta(days=14)  # a decision may be edited this long after it was recorded
REASON_MAX = 200
CUSTOM_MAX = 80
CUSTOM_PREFIX = "custom:"


class Intervention(StrEnum):
    """The interventions kickoff-bot runs, each decided on; custom lines come on top."""

    STANDUPS = "standups"
    ONE_ON_ONES = "one_on_ones"
    CALL_REVIEWS = "call_reviews"
    TERRITORY_REVIEWS = "territory_reviews"
    SURVEYS = "surveys"
    CERTIFICATION = "certification"


INTERVENTION_NAMES = {
    Intervention.STANDUPS: "Daily standups",
    Intervention.ONE_ON_ONES: "1:1 cadence",
    Intervention.CALL_REVIEWS: "Call reviews",
    Intervention.TERRITORY_REVIEWS: "Territory reviews",
    Intervention.SURVEYS: "Surveys",
    Intervention.CERTIFICATION: "Certification",
}


class Verdict(StrEnum):
    """What happens to the intervention after the review."""

    KEEP = "keep"
    CHANGE = "change"
    KILL = "kill"


class Confound(StrEnum):
    """What else coincided with the kickoff and muddies attribution (the source's bear case)."""

    COMP_PLAN = "comp_plan"
    TERRITORY = "territory"
    LAUNCH = "launch"
    OTHER = "other"


INTERVENTIONS = frozenset(item.value for item in Intervention)
VERDICTS = frozenset(verdict.value for verdict in Verdict)
CONFOUNDS = frozenset(confound.value for confound in Confound)
CONFOUND_NAMES = {
    Confound.COMP_PLAN: "new comp plan",
    Confound.TERRITORY: "territory change",
    Confound.LAUNCH: "product or pricing launch",
    Confound.OTHER: "other",
}


def intervention_key(choice: str, custom: str | None) -> str:
    """The stored key: a standard intervention's, or "custom:<line>" for a custom line."""
    return f"{CUSTOM_PREFIX}{custom.strip()}" if custom and custom.strip() else choice


def intervention_name(key: str) -> str:
    """How people read an intervention key (a custom line as typed; escape before mrkdwn)."""
    if key.startswith(CUSTOM_PREFIX):
        return key.removeprefix(CUSTOM_PREFIX)
    return INTERVENTION_NAMES[Intervention(key)] if key in INTERVENTIONS else key


def confounds_text(confounds: list[str]) -> str:
    """"new comp plan, territory change", or "none noted"."""
    names = [CONFOUND_NAMES[Confound(value)] for value in confounds if value in CONFOUNDS]
    return ", ".join(names) or "none noted"


@dataclass(frozen=True)
class DecisionLine:
    """One decision as the reply, the ledger and the demo show it."""

    intervention: str
    verdict: Verdict
    owner: str
    reason: str
    confounds: tuple[str, ...]
    version: int
    recorded_at: datetime

    @property
    def name(self) -> str:
        """The intervention as people read it."""
        return intervention_name(self.intervention)


def editable_until(recorded_at: datetime) -> datetime:
    """The end of a decision's edit window."""
    return recorded_at + EDIT_WINDOW
