"""The behaviour section of the App Home, and a manager's view of their own reps' numbers."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.group_size import smallest_group
from bot.domain.home import LIVE, Viewer
from bot.domain.local_time import local_date
from bot.domain.metrics.figures import MetricFigures
from bot.domain.metrics.home import MetricsHome, RepNumber, RepNumbers
from bot.domain.metrics.periods import latest_ended, metric_weeks
from bot.errors import NotAllowed
from bot.services.metrics.figures import figures_of, program_reps
from bot.services.metrics.table import MetricTable, metric_table
from bot.services.program_weeks import calendar_of
from db.models import Membership, MembershipRole, MetricValue, Person, Program, Role

NOT_YOUR_TEAM = "You see only your own reps' numbers."
SEES_TEAMS = frozenset({Role.LEADER, Role.ENABLEMENT, Role.ADMIN})


def metrics_home(*, session: Session, viewer: Viewer, now: datetime) -> list[MetricsHome]:
    """The viewer's behaviour section, one part per live program where they have a role."""
    views: list[MetricsHome] = []
    for member in viewer.memberships:
        program, roles = member.program, member.roles
        configurable = bool(roles & {Role.ENABLEMENT, Role.ADMIN})
        if program.status not in LIVE or not roles & {Role.REP, Role.MANAGER, *SEES_TEAMS}:
            continue
        if not configurable and not _measured(session, program.id):
            continue  # nothing measured yet: no section to read
        today = local_date(now, program.timezone)
        week = _week(program, today)
        own: tuple[RepNumber, ...] = ()
        if Role.REP in roles:
            table = metric_table(session=session, program=program, today=today,
                                 person_ids=[member.person_id])
            own = _numbers(table, member.person_id, week)
        teams: tuple[MetricFigures, ...] = ()
        if roles & SEES_TEAMS:
            table = metric_table(session=session, program=program, today=today)
            teams = figures_of(table, program_reps(session=session, program_id=program.id),
                               week=week, smallest=smallest_group(program.smallest_group))
        views.append(MetricsHome(
            program.id, program.name, week, own,
            member.person_id if Role.MANAGER in roles else None, teams,
            configurable=configurable))
    return views


def team_numbers(
    *, session: Session, program_id: int, manager_id: int, actor_user_id: str, now: datetime,
) -> tuple[Program, int, list[RepNumbers]]:
    """The manager's own reps' numbers, by name; refused to anyone but that manager."""
    program = session.get(Program, program_id)
    manager = session.get(Person, manager_id)
    if program is None or manager is None or manager.slack_user_id != actor_user_id:
        raise NotAllowed(NOT_YOUR_TEAM)
    reps = list(session.execute(
        select(Person.id, Person.name).join(Membership, Membership.person_id == Person.id)
        .join(MembershipRole, MembershipRole.membership_id == Membership.id)
        .where(Membership.program_id == program_id, Membership.manager_id == manager_id,
               Membership.active.is_(True), MembershipRole.role == Role.REP)
        .order_by(Person.name)))
    today = local_date(now, program.timezone)
    week = _week(program, today)
    table = metric_table(session=session, program=program, today=today,
                         person_ids=[rep_id for rep_id, _ in reps])
    return program, week, [RepNumbers(name, _numbers(table, rep_id, week))
                           for rep_id, name in reps]


def _measured(session: Session, program_id: int) -> bool:
    return session.scalar(select(MetricValue.id).where(
        MetricValue.program_id == program_id).limit(1)) is not None


def _week(program: Program, today: date) -> int:
    weeks = metric_weeks(calendar_of(program), kickoff_date=program.kickoff_date)
    return latest_ended(weeks, today).number


def _numbers(table: MetricTable, person_id: int, week: int) -> tuple[RepNumber, ...]:
    return tuple(RepNumber(metric, table.of(metric.key, person_id).figures(week))
                 for metric in table.metrics)
