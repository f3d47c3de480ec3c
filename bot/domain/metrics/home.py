"""What the App Home shows of behaviour metrics: a rep their own numbers, a manager a way to
their own reps', leaders and enablement the teams' figures (no rep named)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.metrics.arithmetic import RepFigures
from bot.domain.metrics.definitions import MetricDefinition
from bot.domain.metrics.figures import MetricFigures


@dataclass(frozen=True)
class RepNumber:
    """One rep's baseline and week of one metric."""

    metric: MetricDefinition
    figures: RepFigures


@dataclass(frozen=True)
class RepNumbers:
    """One rep's numbers, by name: shown only to the rep and their manager."""

    name: str
    numbers: tuple[RepNumber, ...]


@dataclass(frozen=True)
class MetricsHome:
    """One program's part of the behaviour section for the viewer."""

    program_id: int
    program: str
    week: int
    own: tuple[RepNumber, ...]  # the viewer's own, if they are a rep
    manager_id: int | None  # the viewer's person id, if they manage reps here
    teams: tuple[MetricFigures, ...]  # for leaders and enablement
    configurable: bool  # enablement and admins change the metrics
