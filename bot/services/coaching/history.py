"""The coaching record the audit and `kickoff-bot coaching` read: per manager and week, what was
due and how it ended, per cadence type; per rep, rubric scores first vs latest. Never notes.

A fixed number of queries whatever the size of the program; items are created by the coaching
planner on every dispatcher tick (`occurrences.materialise_items`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.orm import Session

from bot.domain.coaching.status import CadenceCounts, Status
from bot.errors import NotFound
from bot.services.coaching.item_rows import ItemRow, item_rows
from bot.services.coaching.status import StatusContext, load_status_context
from db.models import CadenceType, Program
from db.models.coaching import RUBRIC_DIMENSIONS


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


def coaching_history(
    *, session: Session, program_id: int, now: datetime, context: StatusContext | None = None
) -> CoachingHistory:
    """The record of program `program_id` as it stands at `now` (four queries; two when the
    caller already holds the program's status `context`).

    One pass over the items, read as plain rows (tens of thousands at 10,000 reps), keeping
    only the counts, the disputed sessions and each rep's first and latest review."""
    program = session.get(Program, program_id)
    if program is None:
        raise NotFound(f"No program with id {program_id}.")
    context = context or load_status_context(session=session, program=program)
    record = _Record()
    for item in item_rows(session=session, program_id=program_id):
        record.add(item, context.status_of(item, now))
    return CoachingHistory(
        program_id=program.id, program_name=program.name, now=now,
        weeks=record.manager_weeks(), rubric=record.rubric(),
        disputed=[
            DisputedSession(item.manager_id, item.manager_name, item.rep_name, item.cadence,
                            item.week, item.held_on)
            for item in sorted(record.disputed,
                               key=lambda item: (item.week, item.manager_name, item.id))
        ],
    )


@dataclass
class _Reviews:
    """A rep's confirmed or unanswered call reviews, in the order they were held."""

    first: ItemRow
    latest: ItemRow
    count: int = 1

    def add(self, item: ItemRow) -> None:
        """Count `item`; items come by id, so among reviews held the same day the first
        stays the earliest and the latest becomes the last."""
        self.count += 1
        if _held(item) < _held(self.first):
            self.first = item
        if _held(item) >= _held(self.latest):
            self.latest = item

    def rubric(self) -> RepRubric:
        """The rep's first and latest scores."""
        first, latest = self.first, self.latest
        trends = tuple(
            DimensionTrend(name, first.score(name) or 0, latest.score(name) or 0)
            for name in RUBRIC_DIMENSIONS
        )
        return RepRubric(first.rep_id, first.rep_name, first.rep_slack_id, latest.manager_id,
                         self.count, trends)


def _held(item: ItemRow) -> tuple[date, int]:
    return item.held_on or item.due_date, item.week


@dataclass
class _Record:
    """What the pass over the items keeps (never the items themselves: too many to hold)."""

    counts: defaultdict[tuple[int, int], defaultdict[CadenceType, Counter[Status]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(Counter))
    )
    managers: dict[int, tuple[str, str]] = field(default_factory=dict)  # name, Slack id
    disputed: list[ItemRow] = field(default_factory=list)
    reviews: dict[int, _Reviews] = field(default_factory=dict)  # by rep

    def add(self, item: ItemRow, status: Status) -> None:
        """Count one item with its status."""
        self.counts[item.manager_id, item.week][item.cadence][status] += 1
        if item.manager_id not in self.managers:
            self.managers[item.manager_id] = item.manager_name, item.manager_slack_id
        if status is Status.DISPUTED:
            self.disputed.append(item)
        elif status is Status.DONE and item.cadence is CadenceType.CALL_REVIEW:
            reviews = self.reviews.get(item.rep_id)
            if reviews is None:
                self.reviews[item.rep_id] = _Reviews(item, item)
            else:
                reviews.add(item)

    def manager_weeks(self) -> list[ManagerWeek]:
        """Each manager's weeks, by manager name."""
        return [
            ManagerWeek(
                manager_id=manager_id, manager_name=self.managers[manager_id][0],
                manager_slack_id=self.managers[manager_id][1], week=week,
                cadences={cadence: CadenceCounts.of(counted)
                          for cadence, counted in by_cadence.items()},
            )
            for (manager_id, week), by_cadence in sorted(
                self.counts.items(), key=lambda entry: (self.managers[entry[0][0]][0], entry[0])
            )
        ]

    def rubric(self) -> list[RepRubric]:
        """Each reviewed rep's first and latest scores, by rep name."""
        return sorted((reviews.rubric() for reviews in self.reviews.values()),
                      key=lambda rubric: (rubric.rep_name, rubric.rep_id))
