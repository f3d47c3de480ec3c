"""The behaviour metrics' lift by tier, for the shell only (`kickoff-bot metrics PROGRAM
--by-tier`): a metric's tiers are shown only when every tier has at least the program's smallest
group of reps with both a baseline and the week (the rule the team figures follow)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from bot.domain.group_size import may_show, smallest_group
from bot.domain.metrics.arithmetic import group_lift, verdict
from bot.domain.metrics.figures import GroupFigure, MetricFigures
from bot.services.actor import Actor
from bot.services.metrics.figures import program_reps
from bot.services.metrics.table import metric_table
from bot.services.tiers.access import ensure_enablement
from bot.services.tiers.breakout import READING, tier_of_reps
from db.models import Program, Tier

REGRESSION_NOTE = ("note: the bottom tier was picked for a low trailing attainment, so part of "
                   "its lift is regression to the mean (a low stretch tends to be followed by a "
                   "more usual one, kickoff or not); the top tier's tends the other way")


@dataclass(frozen=True)
class TierFigures:
    """One metric's lift per tier for one week (its groups: the tiers; none when a tier is too
    small)."""

    figures: MetricFigures
    matched: dict[Tier, int]  # per tier, the reps with both a baseline and the week
    smallest: int


def lift_by_tier(
    *, session: Session, program: Program, actor: Actor, week: int, today: date
) -> list[TierFigures]:
    """Every tracked metric's lift per tier for program week `week`."""
    ensure_enablement(session=session, program=program, actor=actor, what=READING)
    tiers = tier_of_reps(session=session, program_id=program.id)
    reps = [rep.person_id for rep in program_reps(session=session, program_id=program.id)
            if rep.person_id in tiers]
    table = metric_table(session=session, program=program, today=today, person_ids=reps)
    smallest = smallest_group(program.smallest_group)
    out = []
    for metric in table.metrics:
        lifts = {tier: group_lift(table.of(metric.key, rep).figures(week)
                                  for rep in reps if tiers[rep] is tier) for tier in Tier}
        matched = {tier: lift.matched for tier, lift in lifts.items()}
        shown = all(may_show(count, smallest=smallest) for count in matched.values())
        groups = tuple(GroupFigure(f"{tier} tier", lift, verdict(metric, lift))
                       for tier, lift in lifts.items()) if shown else ()
        figures = MetricFigures(metric, week, None, groups, 0, reps=len(reps),
                                matched=sum(matched.values()))
        out.append(TierFigures(figures, matched, smallest))
    return out
