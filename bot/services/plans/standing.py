"""How many of the reps' plans are signed by both, by the rep only, or missing: per manager
under the smallest-group rule for the audit, over the whole program for the read-out (both are
posted to a channel)."""

from __future__ import annotations

from collections import Counter, defaultdict

from sqlalchemy import ColumnElement, Label, Select, Subquery, func, select
from sqlalchemy.orm import Session

from bot.domain.audit.plans import PlanCounts, PlanStandings
from bot.domain.group_size import OTHER_TEAMS, fold_groups, may_show, smallest_group
from bot.services.coaching.occurrences import active_pairs_query
from bot.services.plans.roster import PlanState, plan_state
from db.models import Person, Program, RepPlan

ALL_REPS = "all reps"


def plan_standings(*, session: Session, program: Program) -> PlanStandings:
    """The program's plans per manager, folded as the smallest-group rule requires; counted in
    the database (a program of 10,000 reps comes back as a few rows per manager)."""
    states: dict[tuple[str, int], Counter[PlanState]] = defaultdict(Counter)
    for manager_id, name, written, revise_asked, co_signed, reps in session.execute(
            _grouped(program)):
        states[name, manager_id][plan_state(written=bool(written),
                                            revise_asked=bool(revise_asked),
                                            co_signed=bool(co_signed))] += reps
    sizes = {key: sum(counts.values()) for key, counts in states.items()}
    shown = fold_groups(sizes, smallest=smallest_group(program.smallest_group), overall=True)
    groups = [_counts(key[0], [states[key]]) for key in sorted(shown.groups)]
    if shown.other:
        groups.append(_counts(OTHER_TEAMS, [states[key] for key in shown.other]))
    overall = _counts(ALL_REPS, list(states.values())) if shown.overall else None
    return PlanStandings(overall=overall, groups=groups, withheld=len(shown.withheld))


def program_plan_standing(*, session: Session, program: Program) -> PlanStandings:
    """The program's plans over all its reps only (the read-out names no manager), shown when
    they are at least the smallest group; a few rows whatever the program's size."""
    pairs = active_pairs_query(program.id).subquery("pairs")
    facts = _plan_facts()
    counted: Counter[PlanState] = Counter()
    for written, revise_asked, co_signed, reps in session.execute(
            select(*facts, func.count()).select_from(pairs)
            .outerjoin(RepPlan, _current_plan(program, pairs)).group_by(*facts)):
        counted[plan_state(written=bool(written), revise_asked=bool(revise_asked),
                           co_signed=bool(co_signed))] += reps
    shown = may_show(counted.total(), smallest=smallest_group(program.smallest_group))
    return PlanStandings(overall=_counts(ALL_REPS, [counted]) if shown else None, groups=[])


def _grouped(program: Program) -> Select[int, str, bool, bool, bool, int]:
    """The active pairs (as `reps_with_plans` reads them), grouped by manager and by what
    decides the rep's current plan's state."""
    pairs = active_pairs_query(program.id).subquery("pairs")
    facts = _plan_facts()
    return (
        select(Person.id, Person.name, *facts, func.count())
        .select_from(pairs)
        .join(Person, Person.id == pairs.c.manager_id)
        .outerjoin(RepPlan, _current_plan(program, pairs))
        .group_by(Person.id, Person.name, *facts)
    )


def _plan_facts() -> tuple[Label[bool], Label[bool], Label[bool]]:
    """What decides a rep's current plan's state (`plan_state`)."""
    return (
        RepPlan.id.is_not(None).label("written"),
        RepPlan.revise_asked_at.is_not(None).label("revise_asked"),
        RepPlan.manager_signed_at.is_not(None).label("co_signed"),
    )


def _current_plan(program: Program, pairs: Subquery) -> ColumnElement[bool]:
    """Joins a pair's rep to their current plan in the program."""
    return ((RepPlan.program_id == program.id) & (RepPlan.rep_id == pairs.c.person_id)
            & RepPlan.replaced_at.is_(None))


def _counts(group: str, counted: list[Counter[PlanState]]) -> PlanCounts:
    total = sum(counted, Counter[PlanState]())
    return PlanCounts(group=group, both=total[PlanState.SIGNED_BY_BOTH],
                      rep_only=total[PlanState.REP_ONLY], missing=total[PlanState.MISSING])
