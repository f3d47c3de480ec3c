"""Where each manager stands in a week's audit, in the order a leader acts on them.

A manager is below target when their 1:1s done of due are under the program's target (under the
baseline when also under the typical baseline); the other cadence types (call reviews, territory
reviews) are measured against their own cadence, so a manager is behind on one when any of its
items due that week was not done. Every manager is listed: below target first (lowest first),
then behind on another cadence, then the rest, each group by name. Audits stored before the
cadence types were kept apart measure every type together against the target, as they did then.

The post, the chart and the export all read these standings: the figures are worked out here
once.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.domain.audit.numbers import ManagerHistory, Tally, TeamRubric, WeekNumbers
from db.models import CadenceType

ONE_ON_ONE = CadenceType.ONE_ON_ONE.value
# The cadence types measured against their own cadence rather than the 1:1 target.
OWN_CADENCE = (CadenceType.CALL_REVIEW, CadenceType.TERRITORY_REVIEW)


class Mark(StrEnum):
    """A manager's 1:1s against the program's target and baseline."""

    AT_TARGET = "at target"
    BELOW_TARGET = "below target"
    UNDER_BASELINE = "under baseline"  # below target and below the typical baseline too


@dataclass(frozen=True)
class Standing:
    """One manager in one week of the audit."""

    manager_id: int
    name: str
    week: int  # program week
    cadences: dict[str, Tally]  # that week, per cadence type (empty in older audits)
    total: Tally | None  # that week, every cadence type together
    previous: Tally | None  # the week before, measured the same way as `measured`
    rubric: TeamRubric | None
    mark: Mark | None  # None: no 1:1 was due (nothing at all, in older audits)
    behind: bool  # a cadence type other than 1:1s has items due that week not done

    @property
    def measured(self) -> Tally | None:
        """What the target is measured on: the 1:1s (every type together in older audits)."""
        return self.cadences.get(ONE_ON_ONE) if self.cadences else self.total

    @property
    def below_target(self) -> bool:
        """Whether the 1:1s (or, in older audits, all coaching) are under the target."""
        return self.mark in (Mark.BELOW_TARGET, Mark.UNDER_BASELINE)


def standings(numbers: WeekNumbers) -> list[Standing]:
    """Every manager, below target first, then behind on another cadence, then the rest."""
    listed = [standing_of(manager, numbers, numbers.program_week) for manager in numbers.managers]
    return sorted(listed, key=lambda s: (_group(s), _rate(s.measured) if s.below_target else 0.0,
                                         s.name, s.manager_id))


def below_target(numbers: WeekNumbers) -> list[Standing]:
    """The managers under the 1:1 target this week, lowest first."""
    return [standing for standing in standings(numbers) if standing.below_target]


def on_cadence(tally: Tally | None) -> bool | None:
    """Whether every item due (excused ones left out) was done; None when none was due."""
    if tally is None or not tally.counted:
        return None
    return tally.done >= tally.counted


def standing_of(manager: ManagerHistory, numbers: WeekNumbers, week: int) -> Standing:
    """Where `manager` stood in program week `week` (the audited one, or one before it)."""
    cadences = manager.cadences.get(week, {})
    if manager.cadences:
        measured = cadences.get(ONE_ON_ONE)
        previous = manager.cadences.get(week - 1, {}).get(ONE_ON_ONE)
    else:
        measured, previous = manager.week(week), manager.week(week - 1)
    return Standing(
        manager_id=manager.manager_id, name=manager.name, week=week, cadences=cadences,
        total=manager.week(week), previous=previous, rubric=manager.rubric,
        mark=_mark(measured, numbers),
        behind=any(on_cadence(tally) is False for cadence, tally in cadences.items()
                   if cadence != ONE_ON_ONE),
    )


def _mark(measured: Tally | None, numbers: WeekNumbers) -> Mark | None:
    rate = measured.rate if measured is not None else None
    if rate is None:
        return None
    if rate >= numbers.target:
        return Mark.AT_TARGET
    return Mark.UNDER_BASELINE if rate < numbers.baseline else Mark.BELOW_TARGET


def _group(standing: Standing) -> int:
    return 0 if standing.below_target else 1 if standing.behind else 2


def _rate(tally: Tally | None) -> float:
    return tally.rate if tally is not None and tally.rate is not None else 1.0
