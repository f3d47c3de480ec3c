"""Reps report their own numbers; their manager confirms or corrects them.

The rep is the actor for a report (a report for anyone else is refused), the rep's manager in the
program for a confirmation or a correction (a correction is stored beside the rep's own value,
which is kept). Every check is against the database, whatever the button or modal said.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.domain.metrics.arithmetic import CORRECTION, PRE_EVENT, SELF_REPORT
from bot.domain.metrics.definitions import MetricDefinition
from bot.domain.metrics.periods import metric_weeks
from bot.domain.metrics.report import (
    PRE_EVENT_WEEK,
    REPORTED_WEEKS,
    ReportKind,
    read_number,
    report_period,
)
from bot.errors import InvalidInput, NotAllowed
from bot.services.availability import program_day_off
from bot.services.metrics.catalogue import enabled_metrics
from bot.services.metrics.checks import CheckedRow
from bot.services.metrics.store import write_values
from bot.services.program_weeks import calendar_of
from db.models import Membership, MembershipRole, MetricValue, Person, Program, Role

NOT_YOURS = "You can report only your own numbers."
NOT_YOUR_REP = "Only the rep's manager in this program can confirm or correct their numbers."


@dataclass(frozen=True)
class ReportForm:
    """What a report (or correction) modal shows: the rep, the week, the metrics and the values
    already stored for them."""

    program: Program
    rep: Person
    manager: Person | None
    week: int
    kind: ReportKind
    period: str
    metrics: tuple[MetricDefinition, ...]
    values: dict[str, float]


def source_of(kind: ReportKind) -> str:
    """The source a report of `kind` is stored as."""
    return PRE_EVENT if kind is ReportKind.PRE_EVENT else SELF_REPORT


def report_form(
    *, session: Session, program_id: int, rep_id: int, week: int, kind: ReportKind,
    actor_user_id: str, as_manager: bool = False,
) -> ReportForm:
    """The rep's form for `week`, if the actor is that rep (or, `as_manager`, their manager)."""
    form = _form(session, program_id, rep_id, week, kind)
    allowed = (form.manager is not None and form.manager.slack_user_id == actor_user_id
               if as_manager else form.rep.slack_user_id == actor_user_id)
    if not allowed:
        raise NotAllowed(NOT_YOUR_REP if as_manager else NOT_YOURS)
    return form


def read_values(
    form: ReportForm, raw: dict[str, str | None]
) -> tuple[list[CheckedRow], dict[str, str]]:
    """The typed numbers as rows, or an error per metric: empty, not a number, negative."""
    rows: list[CheckedRow] = []
    errors: dict[str, str] = {}
    for metric in form.metrics:
        number, problem = read_number(raw.get(metric.key) or "")
        if number is None:
            errors[metric.key] = (f"Enter a number of {metric.unit} (0 if none)."
                                  if problem is None else f"{problem.capitalize()}.")
        else:
            rows.append(CheckedRow(form.rep.id, metric.key, form.period, number))
    return rows, errors


def save_report(
    *, session: Session, form: ReportForm, rows: list[CheckedRow], now: datetime,
    correction: bool = False,
) -> None:
    """Store the rep's numbers (or the manager's correction, beside them)."""
    source = CORRECTION if correction else source_of(form.kind)
    write_values(session=session, program_id=form.program.id, rows=rows, source=source, now=now)


def confirm_report(*, session: Session, form: ReportForm) -> int:
    """Mark the rep's reported values of the week confirmed by their manager; how many."""
    assert form.manager is not None  # report_form(as_manager=True) checked it
    result = session.execute(update(MetricValue).where(
        MetricValue.program_id == form.program.id, MetricValue.person_id == form.rep.id,
        MetricValue.period == form.period, MetricValue.source == source_of(form.kind),
    ).values(confirmed_by_id=form.manager.id))
    return int(getattr(result, "rowcount", 0) or 0)


def _form(session: Session, program_id: int, rep_id: int, week: int,
          kind: ReportKind) -> ReportForm:
    program = session.get(Program, program_id)
    membership = session.scalars(
        select(Membership).join(MembershipRole, MembershipRole.membership_id == Membership.id)
        .where(Membership.program_id == program_id, Membership.person_id == rep_id,
               Membership.active.is_(True), MembershipRole.role == Role.REP)).first()
    allowed_weeks = (PRE_EVENT_WEEK,) if kind is ReportKind.PRE_EVENT else REPORTED_WEEKS
    if program is None or membership is None or week not in allowed_weeks:
        raise InvalidInput("That report is not one kickoff-bot asked for; nothing was changed.")
    metrics = tuple(m for m in enabled_metrics(session=session, program_id=program_id)
                    if m.self_reported)
    weeks = metric_weeks(calendar_of(program), kickoff_date=program.kickoff_date)
    if all(w.number != week for w in weeks):
        raise InvalidInput(f"{program.name!r} has no week {week}.")
    period = report_period(weeks, week, working=lambda d: program_day_off(program, d) is None)
    stored = session.execute(select(MetricValue.metric, MetricValue.value, MetricValue.source)
                             .where(MetricValue.program_id == program_id,
                                    MetricValue.person_id == rep_id,
                                    MetricValue.period == period))
    values: dict[str, float] = {}
    for metric, value, source in sorted(stored, key=lambda row: row[2] == CORRECTION):
        if source in (CORRECTION, source_of(kind)):
            values[metric] = value  # a correction, sorted last, is shown over the rep's own
    return ReportForm(program, membership.person, membership.manager, week, kind, period,
                      metrics, values)
