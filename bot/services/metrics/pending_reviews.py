"""Reps' reported weeks their manager has neither confirmed nor corrected yet, for the
manager's coaching digest (the same numbers and Confirm / Correct buttons as the review DM)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.blocks.metrics_refs import PendingReview, ReportRef
from bot.domain.metrics.arithmetic import CORRECTION, PRE_EVENT, SELF_REPORT
from bot.domain.metrics.periods import metric_weeks
from bot.domain.metrics.report import PRE_EVENT_WEEK, REPORTED_WEEKS, ReportKind, report_period
from bot.services.availability import program_day_off
from bot.services.metrics.catalogue import enabled_metrics
from bot.services.program_weeks import calendar_of
from db.models import Membership, MembershipRole, MetricValue, Person, Program, Role

_KIND_OF_SOURCE = {SELF_REPORT: ReportKind.WEEK, PRE_EVENT: ReportKind.PRE_EVENT}


def pending_reviews(*, session: Session, program: Program) -> dict[int, list[PendingReview]]:
    """By manager id: each of their active reps' reported weeks with a value not confirmed and
    no correction, in rep-name then week order (one query for the values, one for the reps)."""
    periods = _reported_periods(program)
    reps = {
        person.id: (person, manager_id)
        for person, manager_id in session.execute(
            select(Person, Membership.manager_id)
            .join(Membership, Membership.person_id == Person.id)
            .join(MembershipRole, MembershipRole.membership_id == Membership.id)
            .where(Membership.program_id == program.id, Membership.active.is_(True),
                   Membership.manager_id.is_not(None), MembershipRole.role == Role.REP))
    }
    rows = session.execute(
        select(MetricValue.person_id, MetricValue.metric, MetricValue.period, MetricValue.value,
               MetricValue.source, MetricValue.confirmed_by_id)
        .where(MetricValue.program_id == program.id,
               MetricValue.source.in_((SELF_REPORT, PRE_EVENT, CORRECTION))))
    reported: dict[tuple[int, str, str], dict[str, float]] = defaultdict(dict)
    unconfirmed: set[tuple[int, str, str]] = set()
    corrected: set[tuple[int, str]] = set()
    for person_id, metric, period, value, source, confirmed_by in rows:
        if source == CORRECTION:
            corrected.add((person_id, period))
            continue
        reported[(person_id, period, source)][metric] = value
        if confirmed_by is None:
            unconfirmed.add((person_id, period, source))
    metrics = [m for m in enabled_metrics(session=session, program_id=program.id)
               if m.self_reported]
    found: dict[int, list[PendingReview]] = defaultdict(list)
    for person_id, period, source in unconfirmed:
        week = periods.get((period, _KIND_OF_SOURCE[source]))
        if person_id not in reps or (person_id, period) in corrected or week is None:
            continue
        rep, manager_id = reps[person_id]
        values = reported[(person_id, period, source)]
        lines = tuple((m.name, m.unit, values[m.key]) for m in metrics if m.key in values)
        if lines and manager_id is not None:
            ref = ReportRef(program.id, rep.id, week, _KIND_OF_SOURCE[source])
            found[manager_id].append(PendingReview(rep.name, ref, lines))
    for reviews in found.values():
        reviews.sort(key=lambda review: (review.rep_name, review.ref.week))
    return dict(found)


def _reported_periods(program: Program) -> dict[tuple[str, ReportKind], int]:
    """The period each report the bot asks for is stored under, with its week number."""
    weeks = metric_weeks(calendar_of(program), kickoff_date=program.kickoff_date)
    numbers = {w.number for w in weeks}

    def working(day: date) -> bool:
        return program_day_off(program, day) is None

    asked = [(n, ReportKind.WEEK) for n in REPORTED_WEEKS if n in numbers]
    asked += [(PRE_EVENT_WEEK, ReportKind.PRE_EVENT)] if PRE_EVENT_WEEK in numbers else []
    return {(report_period(weeks, n, working=working), kind): n for n, kind in asked}
