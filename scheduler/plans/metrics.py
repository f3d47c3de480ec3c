"""The metrics planner: each rep's "This week's numbers" DM at 16:00 in their own time on the
last working day of weeks 1-4, one reminder at 10:00 the next working day, and at T-7 the
pre-event report ("a typical week before the kickoff") to reps with no baseline yet.

Only programs tracking a self-reported metric; nothing to reps away that day or who have
reported already; each DM's window closes at the end of the rep's working day.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.blocks.metrics_refs import ReportRef
from bot.blocks.metrics_report import build_report_prompt, report_prompt_fallback
from bot.domain.kinds import DeliveryKind
from bot.domain.local_time import at_local
from bot.domain.metrics.arithmetic import PRE_EVENT
from bot.domain.metrics.periods import metric_weeks, parse_period, week_of
from bot.domain.metrics.report import (
    PRE_EVENT_DAYS,
    PRE_EVENT_WEEK,
    PROMPT_TIME,
    REMINDER_TIME,
    REPORTED_WEEKS,
    ReportKind,
    last_working_day,
    report_period,
)
from bot.services.availability import Absences, load_absences, program_day_off, unavailable
from bot.services.metrics.catalogue import enabled_metrics
from bot.services.metrics.self_report import source_of
from bot.services.outbox import Envelope, delivery_key
from bot.services.program_weeks import calendar_of
from db.models import Membership, MembershipRole, MetricValue, Person, Program, ProgramStatus, Role

DAY_ENDS = time(18, 0)  # the end of the working window a DM may still go out in


@dataclass(frozen=True)
class _Ask:
    """One report to ask a rep for: the week, its stored period, and the day it is asked on."""

    ref_week: int
    kind: ReportKind
    period: str
    prompt_day: date


class MetricsPlanner:
    """Plans `metrics_prompt`, `metrics_reminder` and `metrics_pre_event` DMs."""

    kinds = frozenset({DeliveryKind.METRICS_PROMPT.value, DeliveryKind.METRICS_REMINDER.value,
                       DeliveryKind.METRICS_PRE_EVENT.value})

    def plan(self, *, session: Session, start: datetime, end: datetime) -> Iterator[Envelope]:
        """Every DM due in [start, end)."""
        programs = session.scalars(select(Program).where(Program.status == ProgramStatus.ACTIVE))
        for program in list(programs):
            keys = [m.key for m in enabled_metrics(session=session, program_id=program.id)
                    if m.self_reported]
            if keys:
                yield from _program_plan(session, program, keys, start, end)


def _program_plan(
    session: Session, program: Program, keys: list[str], start: datetime, end: datetime
) -> Iterator[Envelope]:
    asks = _asks(program)
    reps = list(session.execute(
        select(Person).join(Membership, Membership.person_id == Person.id)
        .join(MembershipRole, MembershipRole.membership_id == Membership.id)
        .where(Membership.program_id == program.id, Membership.active.is_(True),
               MembershipRole.role == Role.REP)).scalars())
    if not asks or not reps:
        return
    reported, with_baseline = _reported(session, program, keys)
    absences = load_absences(session=session, person_ids=[rep.id for rep in reps],
                             first=min(a.prompt_day for a in asks),
                             last=max(a.prompt_day for a in asks) + timedelta(days=7))
    for rep in reps:
        for ask in asks:
            if (rep.id, ask.period, source_of(ask.kind)) in reported:
                continue
            if ask.kind is ReportKind.PRE_EVENT and rep.id in with_baseline:
                continue
            yield from _rep_plan(program, rep, ask, absences, start, end)


def _asks(program: Program) -> list[_Ask]:
    """The reports the program asks for, with the day each is asked on."""
    weeks = metric_weeks(calendar_of(program), kickoff_date=program.kickoff_date)

    def working(day: date) -> bool:
        return program_day_off(program, day) is None

    asks: list[_Ask] = []
    for week in weeks:
        if week.number in REPORTED_WEEKS:
            day = last_working_day(week, working=working)
            if day is not None:
                asks.append(_Ask(week.number, ReportKind.WEEK,
                                 report_period(weeks, week.number, working=working), day))
    day = program.kickoff_date - timedelta(days=PRE_EVENT_DAYS)
    while not working(day):
        day -= timedelta(days=1)
    asks.append(_Ask(PRE_EVENT_WEEK, ReportKind.PRE_EVENT,
                     report_period(weeks, PRE_EVENT_WEEK, working=working), day))
    return asks


def _reported(
    session: Session, program: Program, keys: list[str]
) -> tuple[set[tuple[int, str, str]], set[int]]:
    """(rep, period, source) already reported, and the reps with any baseline value."""
    weeks = metric_weeks(calendar_of(program), kickoff_date=program.kickoff_date)
    rows = session.execute(
        select(MetricValue.person_id, MetricValue.period, MetricValue.source).distinct()
        .where(MetricValue.program_id == program.id, MetricValue.metric.in_(keys)))
    reported: set[tuple[int, str, str]] = set()
    baseline: set[int] = set()
    for person_id, period, source in rows:
        reported.add((person_id, period, source))
        week = week_of(parse_period(period), weeks,
                       working=lambda day: program_day_off(program, day) is None)
        if week is not None and week.baseline and source != PRE_EVENT:
            baseline.add(person_id)
    return reported, baseline


def _rep_plan(
    program: Program, rep: Person, ask: _Ask, absences: Absences, start: datetime,
    end: datetime,
) -> Iterator[Envelope]:
    def free(day: date) -> bool:
        return unavailable(program, rep.id, day, absences) is None

    if not free(ask.prompt_day):
        return
    ref = ReportRef(program.id, rep.id, ask.ref_week, ask.kind)
    due = at_local(ask.prompt_day, PROMPT_TIME, rep.timezone)
    if start <= due < end:
        yield _envelope(program, rep, ref, ask.prompt_day, due, reminder=False)
    if ask.kind is ReportKind.PRE_EVENT:
        return
    day = ask.prompt_day + timedelta(days=1)
    while not free(day) and day <= ask.prompt_day + timedelta(days=7):
        day += timedelta(days=1)
    due = at_local(day, REMINDER_TIME, rep.timezone)
    if free(day) and start <= due < end:
        yield _envelope(program, rep, ref, day, due, reminder=True)


def _envelope(
    program: Program, rep: Person, ref: ReportRef, day: date, due: datetime, *, reminder: bool,
) -> Envelope:
    kind = (DeliveryKind.METRICS_PRE_EVENT if ref.kind is ReportKind.PRE_EVENT
            else DeliveryKind.METRICS_REMINDER if reminder else DeliveryKind.METRICS_PROMPT)
    return Envelope(
        key=delivery_key(kind, program.id, rep.slack_user_id, ref.week),
        kind=kind, workspace_id=program.workspace_id, program_id=program.id,
        person_id=rep.id, channel=rep.slack_user_id,
        text=report_prompt_fallback(program.name, ref, reminder=reminder),
        blocks=build_report_prompt(program.name, ref, reminder=reminder),
        due_at=due, window_end=at_local(day, DAY_ENDS, rep.timezone),
    )
