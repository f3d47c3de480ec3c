"""The periods a metric row may name, and the metric weeks they count in.

A row's period is a date ("2027-03-15") or an ISO week ("2027-W11"). Figures use the program's
own weeks (bot/domain/program_calendar.py), numbered 1, 2, ...; the baseline is the four 7-day
weeks before the event, numbered -4 to -1 (week -1 ends the day before the kickoff); the
re-measure week, Monday to Sunday around day 100, is numbered 100. A dated row
counts in the week holding its date; an ISO-week row in the week holding most of its working days
(the earlier week on a tie); a row in no week (the event days, after the program) counts in none.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from bot.domain.program_calendar import ProgramCalendar

BASELINE_WEEKS = 4
REMEASURE_DAY = 100  # the re-measure in the reinforcing phase: the week holding day 100
REMEASURE_WEEK = 100  # its number among the metric weeks
_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Period:
    """A row's period: one day, or one ISO week (Monday to Sunday)."""

    first: date
    last: date

    @property
    def is_week(self) -> bool:
        """Whether this is an ISO week rather than a day."""
        return self.first != self.last

    @property
    def label(self) -> str:
        """The period as stored: "2027-03-15" or "2027-W11"."""
        if not self.is_week:
            return self.first.isoformat()
        year, week, _ = self.first.isocalendar()
        return f"{year}-W{week:02d}"

    def days(self) -> tuple[date, ...]:
        """Every day of the period."""
        span = (self.last - self.first).days + 1
        return tuple(self.first + timedelta(days=n) for n in range(span))


@lru_cache(maxsize=4096)
def parse_period(text: str) -> Period:
    """A period from its text; ValueError with a readable reason if it is neither form (kept
    for the texts seen: an import of 100,000 rows names a few hundred periods)."""
    text = text.strip()
    week = _ISO_WEEK.match(text.upper())
    try:
        if week:
            monday = date.fromisocalendar(int(week[1]), int(week[2]), 1)
            return Period(monday, monday + timedelta(days=6))
        if _DATE.match(text):
            day = date.fromisoformat(text)
            return Period(day, day)
    except ValueError:
        pass
    raise ValueError(f"period {text!r} is neither a date (2027-03-15) nor an ISO week (2027-W11)")


@dataclass(frozen=True)
class MetricWeek:
    """A week figures are shown for: -4..-1 the baseline, 1.. the program's weeks."""

    number: int
    first: date
    last: date

    @property
    def baseline(self) -> bool:
        """Whether this is one of the baseline weeks before the event."""
        return self.number < 0

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last


def metric_weeks(calendar: ProgramCalendar, *, kickoff_date: date) -> tuple[MetricWeek, ...]:
    """The four baseline weeks, every program week, then the re-measure week (Monday to Sunday,
    holding day 100), in order."""
    baseline = tuple(
        MetricWeek(-n, kickoff_date - timedelta(days=7 * n),
                   kickoff_date - timedelta(days=7 * n - 6))
        for n in range(BASELINE_WEEKS, 0, -1)
    )
    day = kickoff_date + timedelta(days=REMEASURE_DAY)
    monday = day - timedelta(days=day.weekday())
    remeasure = MetricWeek(REMEASURE_WEEK, monday, monday + timedelta(days=6))
    return (baseline + tuple(MetricWeek(w.number, w.first, w.last) for w in calendar.weeks)
            + (remeasure,))


def week_of(
    period: Period, weeks: Sequence[MetricWeek], *, working: Callable[[date], bool]
) -> MetricWeek | None:
    """The week a row of `period` counts in (None: no week); `working` says which days of an ISO
    week count when deciding where most of its working days fall."""
    if not period.is_week:
        return next((week for week in weeks if period.first in week), None)
    days = [day for day in period.days() if working(day)]
    counts = [(sum(day in week for day in days), -index) for index, week in enumerate(weeks)]
    best, index = max(counts, default=(0, 0))
    return weeks[-index] if best else None


def latest_ended(weeks: Sequence[MetricWeek], today: date) -> MetricWeek:
    """The latest week that ended before `today` (the first baseline week if none has)."""
    ended = [week for week in weeks if week.last < today]
    return ended[-1] if ended else weeks[0]
