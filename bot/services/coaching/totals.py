"""Program-wide coaching totals counted in the database, for the read-out: one query groups a
program's items by what decides their status (week, cadence, logged status, confirmation, due
dates, whether the pair is current, and who of the two is ever away), so 60,000 items at 10,000
reps come back as a few dozen groups; each group is decided by the same rule as a single item
(`StatusRule.decide`). Held sessions, most of them, are grouped straight off an index. A second
query finds each rep's first and latest call review in one window and returns only the sums the
read-out averages (never a rep's own scores).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import CompoundSelect, case, exists, func, literal, or_, select, union_all
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql.elements import ColumnElement

from bot.domain.coaching.status import Status
from bot.services.availability import load_absences
from bot.services.coaching.calendar import cadence_span
from bot.services.coaching.status import StatusRule
from db.models import (
    CadenceType,
    CoachingItem,
    Confirmation,
    LoggedStatus,
    Membership,
    MembershipRole,
    OutOfOffice,
    Person,
    Program,
    Role,
)
from db.models.coaching import RUBRIC_DIMENSIONS, effective_due


@dataclass(frozen=True)
class RubricTotals:
    """Over the reps with two reviews or more: how many, and per dimension the sums of their
    first and of their latest scores (an unscored dimension counting 0, as in the history)."""

    reps: int
    first: dict[str, int]
    latest: dict[str, int]


@dataclass(frozen=True)
class CoachingTotals:
    """The program's items by week, cadence and status at `now`, and its rubric sums."""

    weeks: dict[int, dict[CadenceType, Counter[Status]]]
    rubric: RubricTotals


def coaching_totals(*, session: Session, program: Program, now: datetime) -> CoachingTotals:
    """What the row-by-row `coaching_history` would count over the whole program at `now`,
    without reading a row per item (three queries: absences, item groups, rubric sums)."""
    first, last = cadence_span(program)
    rule = StatusRule(
        program=program, absences=load_absences(session=session, first=first, last=last)
    )
    weeks: dict[int, dict[CadenceType, Counter[Status]]] = defaultdict(
        lambda: defaultdict(Counter)
    )
    rows = session.connection().execute(_grouped(program))
    for week, cadence, status, confirmation, due, moved, current, rep, manager, times in rows:
        logged = LoggedStatus(status)
        decided = rule.decide(
            status=logged,
            confirmation=None if confirmation is None else Confirmation(confirmation),
            due=effective_due(logged, due, moved), current=bool(current),
            people=tuple(person for person in (rep, manager) if person is not None), now=now,
        )
        weeks[week][CadenceType(cadence)][decided] += times
    return CoachingTotals(
        weeks={week: dict(by_cadence) for week, by_cadence in weeks.items()},
        rubric=_rubric(session, program.id),
    )


def _away(person: InstrumentedAttribute[int], program: Program) -> ColumnElement[Any]:
    """`person` if they have an absence over the cadence (as `load_absences` reads them), else
    NULL: only then do their days matter, so everyone else shares the groups."""
    first, last = cadence_span(program)
    ever = exists().where(OutOfOffice.person_id == person, OutOfOffice.last_day >= first,
                          OutOfOffice.first_day <= last)
    return case((ever, person), else_=literal(None))


def _grouped(program: Program) -> CompoundSelect[Any]:
    """The program's items grouped by the facts that decide their status, with their number:
    sessions logged as held apart, since they are done (or disputed) whoever is away and
    whatever the pair, so they group by their own columns alone, in the order of
    `ix_coaching_item_facts` (no sort, no row read); only the others look up pair and absences."""
    # the item's own columns that decide its status
    own = (CoachingItem.week, CoachingItem.cadence, CoachingItem.status,
           CoachingItem.confirmation, CoachingItem.due_date, CoachingItem.rescheduled_to)
    # the program's cadence only: sessions managers added in their commitments count apart
    ours = (CoachingItem.program_id == program.id, CoachingItem.committed.is_(False))
    held = CoachingItem.status == LoggedStatus.DONE
    held_groups = (
        select(*own, literal(True).label("current"), literal(None).label("rep"),
               literal(None).label("manager"), func.count())
        .where(*ours, held)
        .group_by(*own)
    )
    # The pair is current when the rep is an active rep of the program coached by the item's
    # manager now (as `occurrences.active_pairs` reads the pairs).
    current = exists().where(
        Membership.program_id == program.id, Membership.person_id == CoachingItem.rep_id,
        Membership.manager_id == CoachingItem.manager_id, Membership.active.is_(True),
        MembershipRole.membership_id == Membership.id, MembershipRole.role == Role.REP,
        Person.id == Membership.person_id, Person.active.is_(True),
    )
    facts = (
        select(*own, current.label("current"),
               _away(CoachingItem.rep_id, program).label("rep"),
               _away(CoachingItem.manager_id, program).label("manager"))
        .where(*ours, ~held)
        .subquery("facts")
    )
    keys = list(facts.c)
    return union_all(held_groups, select(*keys, func.count()).group_by(*keys))


def _rubric(session: Session, program_id: int) -> RubricTotals:
    """Each rep's first and latest confirmed or unanswered call review (earliest held first;
    the same day, by week then id, as the history's pass keeps them), summed over the reps
    with two or more."""
    held = (func.coalesce(CoachingItem.held_on, CoachingItem.due_date), CoachingItem.week,
            CoachingItem.id)
    scores = {name: func.coalesce(getattr(CoachingItem, f"score_{name}"), 0)
              for name in RUBRIC_DIMENSIONS}
    # One window, so one sort: a rep's first review is the first in it, their latest the one
    # with none after it; a rep with a single review has one that is both, and is left out.
    reviews = (
        select(
            func.row_number().over(partition_by=CoachingItem.rep_id, order_by=held)
            .label("rank"),
            func.lead(CoachingItem.id).over(partition_by=CoachingItem.rep_id, order_by=held)
            .is_(None).label("last"),
            *(score.label(name) for name, score in scores.items()),
        )
        .where(
            CoachingItem.program_id == program_id, CoachingItem.cadence == CadenceType.CALL_REVIEW,
            CoachingItem.committed.is_(False), CoachingItem.status == LoggedStatus.DONE,
            or_(CoachingItem.confirmation.is_(None),
                CoachingItem.confirmation != Confirmation.DISPUTED),
        )
        .subquery("reviews")
    )
    first = (reviews.c.rank == 1) & ~reviews.c["last"]
    latest = (reviews.c.rank > 1) & reviews.c["last"]

    def summed(which: ColumnElement[bool], name: str) -> ColumnElement[Any]:
        return func.coalesce(func.sum(case((which, reviews.c[name]), else_=0)), 0)

    row = session.execute(
        select(
            func.count(case((first, 1))),
            *(summed(first, name) for name in RUBRIC_DIMENSIONS),
            *(summed(latest, name) for name in RUBRIC_DIMENSIONS),
        )
    ).one()
    size = len(RUBRIC_DIMENSIONS)
    return RubricTotals(
        reps=row[0],
        first=dict(zip(RUBRIC_DIMENSIONS, map(int, row[1:1 + size]), strict=True)),
        latest=dict(zip(RUBRIC_DIMENSIONS, map(int, row[1 + size:]), strict=True)),
    )
