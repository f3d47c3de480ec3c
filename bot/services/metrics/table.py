"""Every rep's weekly values and baseline per metric, read in a fixed number of queries.

The arithmetic is bot/domain/metrics/arithmetic.py's; this module gathers its inputs: the stored
values (one per source, the trusted one chosen), the coaching log's derived values, the program's
weeks and each rep's out-of-office days.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.metrics.arithmetic import (
    Held,
    RepFigures,
    baseline_value,
    prefer,
    week_value,
)
from bot.domain.metrics.definitions import MetricDefinition
from bot.domain.metrics.periods import MetricWeek, Period, metric_weeks, parse_period, week_of
from bot.services.availability import Absences, load_absences, program_day_off, unavailable
from bot.services.metrics.catalogue import enabled_metrics
from bot.services.metrics.derived import derived_values
from bot.services.program_weeks import calendar_of
from db.models import MetricValue, Program


@dataclass(frozen=True)
class RepSeries:
    """One rep's values of one metric: their baseline and each program week's value."""

    baseline: float | None
    weeks: dict[int, float] = field(default_factory=dict)

    def figures(self, week: int) -> RepFigures:
        """The rep's baseline and week `week`."""
        return RepFigures(self.baseline, self.weeks.get(week))


NO_DATA = RepSeries(None)


@dataclass(frozen=True)
class MetricTable:
    """The program's metrics and weeks, and every rep's series of every metric."""

    metrics: tuple[MetricDefinition, ...]
    weeks: tuple[MetricWeek, ...]
    series: dict[str, dict[int, RepSeries]]

    def of(self, metric: str, person_id: int) -> RepSeries:
        """A rep's series of one metric (no data: an empty one)."""
        return self.series.get(metric, {}).get(person_id, NO_DATA)


# (metric, person id) -> week number -> ([(day, value)], [week row values])
_Cells = dict[tuple[str, int], dict[int, tuple[list[tuple[date, float]], list[float]]]]


def metric_table(
    *, session: Session, program: Program, today: date,
    person_ids: Collection[int] | None = None,
) -> MetricTable:
    """Every rep's series (or only `person_ids`'), as the program's weeks and metrics define."""
    metrics = enabled_metrics(session=session, program_id=program.id)
    weeks = metric_weeks(calendar_of(program), kickoff_date=program.kickoff_date)
    absences = load_absences(session=session, person_ids=person_ids, first=weeks[0].first,
                             last=weeks[-1].last)
    cells: _Cells = defaultdict(lambda: defaultdict(lambda: ([], [])))
    periods: dict[str, MetricWeek | None] = {}
    for (metric, person_id, label), value in _stored(session, program.id, metrics,
                                                      person_ids).items():
        if label not in periods:
            periods[label] = week_of(parse_period(label), weeks,
                                     working=lambda day: program_day_off(program, day) is None)
        week = periods[label]
        if week is not None:
            _add(cells[(metric, person_id)][week.number], parse_period(label), value)
    keys = frozenset(m.key for m in metrics if m.derived)
    number_of = {day: week.number for week in weeks for day in Period(week.first, week.last).days()}
    for item in derived_values(session=session, program_id=program.id, keys=keys, today=today):
        number = number_of.get(item.day)
        if number is not None and (person_ids is None or item.person_id in person_ids):
            cells[(item.metric, item.person_id)][number][0].append((item.day, item.value))
    return MetricTable(metrics, weeks, _series(program, metrics, cells, absences))


def _add(cell: tuple[list[tuple[date, float]], list[float]], period: Period, value: float) -> None:
    if period.is_week:
        cell[1].append(value)
    else:
        cell[0].append((period.first, value))


def _stored(
    session: Session, program_id: int, metrics: tuple[MetricDefinition, ...],
    person_ids: Collection[int] | None,
) -> dict[tuple[str, int, str], float]:
    """(metric, person, period) -> the value figures use among its sources, in one query."""
    query = select(MetricValue.metric, MetricValue.person_id, MetricValue.period,
                   MetricValue.value, MetricValue.source).where(
        MetricValue.program_id == program_id,
        MetricValue.metric.in_([metric.key for metric in metrics]),
    ).order_by(MetricValue.recorded_at, MetricValue.id)  # oldest first, for `prefer`
    if person_ids is not None:
        query = query.where(MetricValue.person_id.in_(list(person_ids)))
    found: dict[tuple[str, int, str], Held] = {}
    for metric, person_id, period, value, source in session.execute(query):
        key = (metric, person_id, period)
        found[key] = prefer(found.get(key), source, value)
    return {key: value for key, (_, value) in found.items()}


def _series(
    program: Program, metrics: tuple[MetricDefinition, ...], cells: _Cells, absences: Absences
) -> dict[str, dict[int, RepSeries]]:
    weekly = {metric.key: metric.weekly for metric in metrics}
    series: dict[str, dict[int, RepSeries]] = defaultdict(dict)
    for (metric, person_id), by_week in cells.items():
        def counted(day: date, person_id: int = person_id) -> bool:
            return unavailable(program, person_id, day, absences) is None

        values = {number: week_value(weekly[metric], dated=dated, whole=whole, counted=counted)
                  for number, (dated, whole) in by_week.items()}
        kept = {number: value for number, value in values.items() if value is not None}
        baseline = baseline_value(value for number, value in kept.items() if number < 0)
        series[metric][person_id] = RepSeries(baseline, kept)
    return dict(series)
