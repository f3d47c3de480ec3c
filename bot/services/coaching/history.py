"""The coaching record the audit and `kickoff-bot coaching` read: per manager and week, what was
due and how it ended, per cadence type; per rep, rubric scores first vs latest. Never notes.

A fixed number of queries whatever the size of the program; items are created by the coaching
planner on every dispatcher tick (`occurrences.materialise_items`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from bot.errors import NotFound
from bot.services.coaching.status import Status, StatusContext, load_status_context
from db.models import CadenceType, CoachingItem, Program
from db.models.coaching import RUBRIC_DIMENSIONS


@dataclass(frozen=True)
class CadenceCounts:
    """How the items of one cadence type ended; `due` is their number, each counted once."""

    due: int = 0
    done: int = 0
    rescheduled: int = 0
    skipped: int = 0
    missed: int = 0
    excused: int = 0
    disputed: int = 0
    open: int = 0

    @property
    def completion(self) -> float | None:
        """done / (due - excused); None when nothing counts."""
        counted = self.due - self.excused
        return self.done / counted if counted else None


@dataclass(frozen=True)
class ManagerWeek:
    """One manager's coaching in one program week."""

    manager_id: int
    manager_name: str
    manager_slack_id: str
    week: int
    cadences: dict[CadenceType, CadenceCounts]


@dataclass(frozen=True)
class DimensionTrend:
    """A rubric dimension's first and latest score of a rep."""

    dimension: str
    first: int
    latest: int


@dataclass(frozen=True)
class RepRubric:
    """A rep's call-review scores over time (confirmed or unanswered reviews, not disputed)."""

    rep_id: int
    rep_name: str
    rep_slack_id: str
    manager_id: int  # who scored the latest review
    reviews: int
    trends: tuple[DimensionTrend, ...]


@dataclass(frozen=True)
class DisputedSession:
    """A session logged as held that the rep says did not happen (listed in the audit)."""

    manager_id: int
    manager_name: str
    rep_name: str
    cadence: CadenceType
    week: int
    held_on: date | None


@dataclass(frozen=True)
class CoachingHistory:
    """The whole record of a program at `now`."""

    program_id: int
    program_name: str
    now: datetime
    weeks: list[ManagerWeek]
    rubric: list[RepRubric]
    disputed: list[DisputedSession]


def coaching_history(*, session: Session, program_id: int, now: datetime) -> CoachingHistory:
    """The record of program `program_id` as it stands at `now` (four queries)."""
    program = session.get(Program, program_id)
    if program is None:
        raise NotFound(f"No program with id {program_id}.")
    items = list(session.scalars(
        select(CoachingItem).where(CoachingItem.program_id == program_id)
        .options(joinedload(CoachingItem.manager), joinedload(CoachingItem.rep))
    ))
    context = load_status_context(session=session, program=program)
    return CoachingHistory(
        program_id=program.id, program_name=program.name, now=now,
        weeks=_manager_weeks(items, context, now), rubric=_rubric(items, context, now),
        disputed=[
            DisputedSession(item.manager_id, item.manager.name, item.rep.name, item.cadence,
                            item.week, item.held_on)
            for item in sorted(items, key=lambda item: (item.week, item.manager.name, item.id))
            if context.status_of(item, now) is Status.DISPUTED
        ],
    )


def _manager_weeks(
    items: list[CoachingItem], context: StatusContext, now: datetime
) -> list[ManagerWeek]:
    counts: dict[tuple[int, int], dict[CadenceType, Counter[Status]]] = defaultdict(
        lambda: defaultdict(Counter)
    )
    managers = {item.manager_id: item.manager for item in items}
    for item in items:
        counts[item.manager_id, item.week][item.cadence][context.status_of(item, now)] += 1
    return [
        ManagerWeek(
            manager_id=manager_id, manager_name=managers[manager_id].name,
            manager_slack_id=managers[manager_id].slack_user_id, week=week,
            cadences={cadence: _counts(statuses) for cadence, statuses in by_cadence.items()},
        )
        for (manager_id, week), by_cadence in sorted(
            counts.items(), key=lambda entry: (managers[entry[0][0]].name, entry[0])
        )
    ]


def _counts(statuses: Counter[Status]) -> CadenceCounts:
    return CadenceCounts(due=sum(statuses.values()), **{s.value: n for s, n in statuses.items()})


def _rubric(items: list[CoachingItem], context: StatusContext, now: datetime) -> list[RepRubric]:
    reviews: dict[int, list[CoachingItem]] = defaultdict(list)
    for item in items:
        if item.cadence is CadenceType.CALL_REVIEW and context.status_of(item, now) is Status.DONE:
            reviews[item.rep_id].append(item)
    result = []
    for scored in reviews.values():
        scored.sort(key=lambda item: (item.held_on or item.due_date, item.week))
        first, latest, rep = scored[0], scored[-1], scored[0].rep
        trends = tuple(
            DimensionTrend(name, first.score(name) or 0, latest.score(name) or 0)
            for name in RUBRIC_DIMENSIONS
        )
        result.append(RepRubric(rep.id, rep.name, rep.slack_user_id, latest.manager_id,
                                len(scored), trends))
    return sorted(result, key=lambda rubric: (rubric.rep_name, rubric.rep_id))

