"""A week's behaviour figures per metric: overall and per manager's team, under the program's
smallest-group rule (bot/domain/group_size.py). No rep is named: these figures go to channels."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from bot.domain.group_size import OTHER_TEAMS, fold_groups, smallest_group
from bot.domain.metrics.arithmetic import group_lift, verdict
from bot.domain.metrics.definitions import MetricDefinition
from bot.domain.metrics.figures import OVERALL, GroupFigure, MetricFigures
from bot.services.metrics.table import MetricTable, metric_table
from db.models import Membership, MembershipRole, Person, Program, Role


@dataclass(frozen=True)
class Rep:
    """A rep of the program and their manager."""

    person_id: int
    manager: str  # the manager's name, or "no manager"


def program_reps(*, session: Session, program_id: int) -> list[Rep]:
    """The program's active reps with their manager's name, in one query."""
    manager = aliased(Person)
    rows = session.execute(
        select(Membership.person_id, manager.name)
        .join(MembershipRole, MembershipRole.membership_id == Membership.id)
        .outerjoin(manager, manager.id == Membership.manager_id)
        .where(Membership.program_id == program_id, Membership.active.is_(True),
               MembershipRole.role == Role.REP)
        .order_by(Membership.person_id)
    )
    return [Rep(person_id, name or "no manager") for person_id, name in rows]


def behaviour_figures(
    *, session: Session, program: Program, week: int, today: date
) -> tuple[MetricFigures, ...]:
    """Every tracked metric's figures for program week `week` (negative: a baseline week)."""
    reps = program_reps(session=session, program_id=program.id)
    table = metric_table(session=session, program=program, today=today)
    return figures_of(table, reps, week=week, smallest=smallest_group(program.smallest_group))


def figures_of(
    table: MetricTable, reps: list[Rep], *, week: int, smallest: int
) -> tuple[MetricFigures, ...]:
    """The figures of a table already read (the audit and the read-out share one read)."""
    teams: dict[str, list[int]] = defaultdict(list)
    for rep in reps:
        teams[rep.manager].append(rep.person_id)
    everyone = [rep.person_id for rep in reps]
    return tuple(_metric_figures(table, metric, teams, everyone, week, smallest)
                 for metric in table.metrics)


def _metric_figures(
    table: MetricTable, metric: MetricDefinition, teams: dict[str, list[int]],
    everyone: list[int], week: int, smallest: int,
) -> MetricFigures:
    def figure(name: str, ids: list[int]) -> GroupFigure:
        lift = group_lift(table.of(metric.key, person_id).figures(week) for person_id in ids)
        return GroupFigure(name, lift, verdict(metric, lift))

    by_team = {name: figure(f"team of {name}", ids) for name, ids in teams.items()}
    # the rule counts the reps each figure is computed from: a team of 8 with 2 matched reps
    # would show those 2 reps' mean
    shown = fold_groups({name: f.lift.matched for name, f in by_team.items()},
                        smallest=smallest, overall=True)
    other = ((figure(OTHER_TEAMS, [i for name in shown.other for i in teams[name]]),)
             if shown.other else ())
    overall = figure(OVERALL, everyone)
    return MetricFigures(
        metric, week, overall if shown.overall or not overall.lift.matched else None,
        tuple(by_team[name] for name in shown.groups) + other, len(shown.withheld),
        reps=len(everyone), matched=overall.lift.matched)
