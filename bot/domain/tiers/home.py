"""What the App Home's calibration section shows: enablement's calibrations with their figures
once closed, and a manager's requests with only their own standing."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.domain.tiers.calibration import DimensionSpread
from db.models import Calibration, Program


@dataclass(frozen=True)
class RunCalibration:
    """A calibration as enablement sees it: how many of the managers scored; the figures (and
    who is more than a point off) once it has closed."""

    calibration: Calibration
    managers: int
    scored: int
    closed: bool
    figures: list[DimensionSpread[str]] = field(default_factory=list)


@dataclass(frozen=True)
class AskedCalibration:
    """A calibration as one manager sees it: whether they scored; once closed, per dimension
    whether they were within a point of the median (None: not enough scores)."""

    calibration: Calibration
    scored: bool
    closed: bool
    standing: dict[str, bool] | None = None


@dataclass(frozen=True)
class CalibrationHome:
    """One program's calibrations for the viewer (empty lists: nothing for their roles)."""

    program: Program
    may_start: bool
    run: list[RunCalibration]
    asked: list[AskedCalibration]
