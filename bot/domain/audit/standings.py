"""Where each manager stands in a week's audit, in the order a leader acts on them.

A manager is below target when their 1:1s done of due are under the program's target; the other
cadence types (call reviews, territory reviews) are measured against their own cadence, so a
manager is behind on one when any of its items due that week was not done. Every manager is
listed: below target first (lowest first), then behind on another cadence, then the rest, each
group by name. Audits stored before the cadence types were kept apart measure every type
together against the target, as they did then.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.audit.numbers import ManagerHistory, Tally, TeamRubric, WeekNumbers
from db.models import CadenceType

ONE_ON_ONE = CadenceType.ONE_ON_ONE.value


@dataclass(frozen=True)
class Standing:
    """One manager in one week's audit."""

    name: str
    cadences: dict[str, Tally]  # this week, per cadence type (empty in older audits)
    total: Tally | None  # this week, every cadence type together
    previous: Tally | None  # the week before, measured the same way as `measured`
    rubric: TeamRubric | None
    below_target: bool
    behind: bool  # a cadence type other than 1:1s has items due this week not done

    @property
    def measured(self) -> Tally | None:
        """What the target is measured on: the 1:1s (every type together in older audits)."""
        return self.cadences.get(ONE_ON_ONE) if self.cadences else self.total


def standings(numbers: WeekNumbers) -> list[Standing]:
    """Every manager, below target first, then behind on another cadence, then the rest."""
    listed = [_standing(manager, numbers) for manager in numbers.managers]
    return sorted(listed, key=lambda s: (_group(s), _rate(s.measured) if s.below_target else 0.0,
                                         s.name))


def below_target(numbers: WeekNumbers) -> list[Standing]:
    """The managers under the 1:1 target this week, lowest first."""
    return [standing for standing in standings(numbers) if standing.below_target]


def _standing(manager: ManagerHistory, numbers: WeekNumbers) -> Standing:
    week = numbers.program_week
    cadences = manager.cadences.get(week, {})
    if manager.cadences:
        measured = cadences.get(ONE_ON_ONE)
        previous = manager.cadences.get(week - 1, {}).get(ONE_ON_ONE)
    else:
        measured, previous = manager.week(week), manager.week(week - 1)
    return Standing(
        name=manager.name, cadences=cadences, total=manager.week(week), previous=previous,
        rubric=manager.rubric,
        below_target=measured is not None and measured.rate is not None
        and measured.rate < numbers.target,
        behind=any(tally.done < tally.counted for cadence, tally in cadences.items()
                   if cadence != ONE_ON_ONE),
    )


def _group(standing: Standing) -> int:
    return 0 if standing.below_target else 1 if standing.behind else 2


def _rate(tally: Tally | None) -> float:
    return tally.rate if tally is not None and tally.rate is not None else 1.0
