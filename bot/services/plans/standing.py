"""Per manager, how many of their reps' plans are signed by both, by the rep only, or missing,
under the smallest-group rule (the audit and the read-out post these to a channel)."""

from __future__ import annotations

from collections import Counter, defaultdict

from sqlalchemy.orm import Session

from bot.domain.audit.plans import PlanCounts, PlanStandings
from bot.domain.group_size import OTHER_TEAMS, fold_groups, smallest_group
from bot.services.plans.roster import PlanState, reps_with_plans
from db.models import Program

ALL_REPS = "all reps"


def plan_standings(*, session: Session, program: Program) -> PlanStandings:
    """The program's plans per manager, folded as the smallest-group rule requires."""
    states: dict[tuple[str, int], Counter[PlanState]] = defaultdict(Counter)
    for entry in reps_with_plans(session=session, program=program):
        states[entry.manager.name, entry.manager.id][entry.state] += 1
    sizes = {key: sum(counts.values()) for key, counts in states.items()}
    shown = fold_groups(sizes, smallest=smallest_group(program.smallest_group), overall=True)
    groups = [_counts(key[0], [states[key]]) for key in sorted(shown.groups)]
    if shown.other:
        groups.append(_counts(OTHER_TEAMS, [states[key] for key in shown.other]))
    overall = _counts(ALL_REPS, list(states.values())) if shown.overall else None
    return PlanStandings(overall=overall, groups=groups, withheld=len(shown.withheld))


def _counts(group: str, counted: list[Counter[PlanState]]) -> PlanCounts:
    total = sum(counted, Counter[PlanState]())
    return PlanCounts(group=group, both=total[PlanState.SIGNED_BY_BOTH],
                      rep_only=total[PlanState.REP_ONLY], missing=total[PlanState.MISSING])
