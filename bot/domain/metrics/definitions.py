"""The behaviour metrics a program tracks, defaulting to the source's table.

Each metric says its unit, whether higher or lower is better, how a week's value is formed, who
owns it, whether it leads or lags, and its target relative to the program's own baseline. The
source's medians (35 dials a day, 4.7 discovery calls a week) are a reference shown only when a
program has no baseline, labelled as such; they are never the baseline.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

REFERENCE_LABEL = "source median (Bridge Group / Pavilion 2026), not this program's baseline"


class Direction(StrEnum):
    """Whether a rise or a fall is the change wanted."""

    HIGHER = "higher is better"
    LOWER = "lower is better"


class Weekly(StrEnum):
    """How a rep's week of rows becomes one weekly value."""

    DAY_MEAN = "mean per working day"  # out-of-office and non-working days left out
    SUM = "sum over the week"
    MEAN = "mean of the week's values"


class Stage(StrEnum):
    """Lead, mid or lag indicator."""

    LEAD = "lead"
    MID = "mid"
    LAG = "lag"


class TargetKind(StrEnum):
    """How a target is stated."""

    RELATIVE = "relative"  # a factor on the baseline: 1.20 is +20%
    ABSOLUTE = "absolute"  # a value to reach: 4 of 5
    POINTS = "points"  # points over the baseline: +5 points of attainment


@dataclass(frozen=True)
class Target:
    """A metric's target for week 4, stated against the baseline."""

    kind: TargetKind
    value: float

    def goal(self, baseline: float) -> float:
        """The value that meets the target, for a group whose baseline is `baseline`."""
        if self.kind is TargetKind.RELATIVE:
            return baseline * self.value
        if self.kind is TargetKind.POINTS:
            return baseline + self.value
        return self.value

    @property
    def lift_percent(self) -> float | None:
        """A relative target as a lift in percent (1.20 is +20.0); None for the others, whose
        goal depends on each group's baseline."""
        return (self.value - 1) * 100 if self.kind is TargetKind.RELATIVE else None

    def text(self) -> str:
        """The target as people read it: "+20% on baseline", "4", "+5 points"."""
        if self.lift_percent is not None:
            return f"{self.lift_percent:+.0f}% on baseline"
        if self.kind is TargetKind.POINTS:
            return f"{self.value:+g} points on baseline"
        return f"{self.value:g}"


@dataclass(frozen=True)
class MetricDefinition:
    """One metric of a program. `self_reported` metrics are asked in the weekly modal; `derived`
    ones are counted from what the bot already logs (coaching log, call-review rubric)."""

    key: str
    name: str
    unit: str
    direction: Direction
    weekly: Weekly
    owner: str
    stage: Stage
    target: Target
    reference: float | None = None
    self_reported: bool = False
    derived: bool = False
    note: str = ""
    enabled: bool = True

    def meets(self, value: float, goal: float) -> bool:
        """Whether `value` meets `goal` in this metric's direction."""
        return value >= goal if self.direction is Direction.HIGHER else value <= goal


def _relative(factor: float) -> Target:
    return Target(TargetKind.RELATIVE, factor)


DEFAULT_METRICS: tuple[MetricDefinition, ...] = (
    MetricDefinition("dials", "Dials per rep per working day", "dials a day", Direction.HIGHER,
                     Weekly.DAY_MEAN, "each manager", Stage.LEAD, _relative(1.20), reference=35,
                     self_reported=True),
    MetricDefinition("discovery_calls", "Discovery calls booked", "calls a week",
                     Direction.HIGHER, Weekly.SUM, "each rep", Stage.LEAD, _relative(1.20),
                     reference=4.7, self_reported=True),
    MetricDefinition("multithread_contacts", "Contacts on multi-threaded deals",
                     "contacts a deal", Direction.HIGHER, Weekly.MEAN, "each rep", Stage.LEAD,
                     Target(TargetKind.ABSOLUTE, 3.0), reference=1.8, self_reported=True),
    MetricDefinition("pipeline_created", "Pipeline created", "amount a week", Direction.HIGHER,
                     Weekly.SUM, "sales ops", Stage.MID, _relative(1.15)),
    MetricDefinition("slipped_close_dates", "Slipped close dates", "deals a week",
                     Direction.LOWER, Weekly.SUM, "RevOps", Stage.MID, _relative(0.69)),
    MetricDefinition("objection_score", "Objection-handling score", "of 5", Direction.HIGHER,
                     Weekly.MEAN, "manager (call-review rubric)", Stage.LEAD,
                     Target(TargetKind.ABSOLUTE, 4.0), reference=3, derived=True),
    MetricDefinition("coaching_sessions", "Coaching sessions per rep", "sessions a week",
                     Direction.HIGHER, Weekly.SUM, "each manager", Stage.LEAD,
                     Target(TargetKind.ABSOLUTE, 3.0), reference=1, derived=True,
                     note="the source's target of 3 is above the program's own cadence "
                     "(one 1:1 a week, a call review every other week)"),
    MetricDefinition("one_on_one_completion", "Manager 1:1 completion", "% of 1:1s due",
                     Direction.HIGHER, Weekly.MEAN, "CRO", Stage.LEAD,
                     Target(TargetKind.ABSOLUTE, 95.0), reference=60, derived=True),
    MetricDefinition("q1_attainment", "Q1 attainment vs prior Q1", "% of quota",
                     Direction.HIGHER, Weekly.MEAN, "VP Sales", Stage.LAG,
                     Target(TargetKind.POINTS, 5.0)),
)

DEFAULT_KEYS = frozenset(metric.key for metric in DEFAULT_METRICS)


def default_metric(key: str) -> MetricDefinition | None:
    """The source's default for `key`, if it is one."""
    return next((metric for metric in DEFAULT_METRICS if metric.key == key), None)
