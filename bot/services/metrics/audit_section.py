"""The behaviour figures the audit posts: stored once with the weekly audit (its "Behaviour"
section) and with the read-out (its week-4 review), then read back by the planner, so a re-plan
shows what the post showed."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.group_size import smallest_group
from bot.domain.local_time import local_date
from bot.domain.metrics.figures import MetricFigures, figures_from_json, figures_json
from bot.domain.metrics.periods import REMEASURE_WEEK, latest_ended, metric_weeks
from bot.services.metrics.figures import figures_of, program_reps
from bot.services.metrics.table import metric_table
from bot.services.program_weeks import calendar_of
from db.models import MetricSnapshot, Program

WEEKLY = "weekly"
REVIEW = "review"
REMEASURE = "remeasure"  # filed under the re-measure week's ISO week: week 4, then day 100
REVIEW_WEEK = 4  # the source's week-4 review (the program's last week if it has fewer)


def record_behaviour(
    *, session: Session, program: Program, kind: str, week: str, monday: date, now: datetime,
) -> None:
    """Store the figures a post filed under ISO week `week` shows: for the weekly audit of the
    week starting `monday`, the latest program week ended by then; for the read-out, week 4;
    for the re-measure, week 4 then the re-measure week. Called once per post."""
    weeks = metric_weeks(calendar_of(program), kickoff_date=program.kickoff_date)
    if kind in (REVIEW, REMEASURE):
        numbers = [min(REVIEW_WEEK, max(w.number for w in weeks if w.number < REMEASURE_WEEK))]
        numbers += [REMEASURE_WEEK] if kind == REMEASURE else []
    else:
        numbers = [latest_ended(weeks, monday + timedelta(days=7)).number]
    table = metric_table(session=session, program=program,
                         today=local_date(now, program.timezone))
    reps = program_reps(session=session, program_id=program.id)
    figures = tuple(item for number in numbers for item in figures_of(
        table, reps, week=number, smallest=smallest_group(program.smallest_group)))
    session.add(MetricSnapshot(program_id=program.id, kind=kind, week=week,
                               figures=figures_json(figures), created_at=now))
    session.flush()


def stored_behaviour(
    *, session: Session, program_id: int, kind: str, week: str
) -> tuple[MetricFigures, ...]:
    """The figures stored for a post (none: the post has no behaviour section)."""
    stored = session.scalars(select(MetricSnapshot.figures).where(
        MetricSnapshot.program_id == program_id, MetricSnapshot.kind == kind,
        MetricSnapshot.week == week)).first()
    return figures_from_json(stored) if stored else ()
