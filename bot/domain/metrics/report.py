"""Self-reported numbers: which weeks are asked, when, and how a typed number is read."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from datetime import date, time, timedelta
from enum import StrEnum

from bot.domain.metrics.periods import REMEASURE_WEEK, MetricWeek, Period, week_of

# "This week's numbers" on the last working day of each, and of the re-measure week
REPORTED_WEEKS = (1, 2, 3, 4, REMEASURE_WEEK)
PRE_EVENT_WEEK = -1  # the pre-event report stands for the week before the kickoff
PRE_EVENT_DAYS = 7  # asked at T-7
PROMPT_TIME = time(16, 0)  # in the rep's own time, on the last working day of the week
REMINDER_TIME = time(10, 0)  # the next working day, once
_DECIMAL_COMMA = re.compile(r"^-?\d+,\d+$")


class ReportKind(StrEnum):
    """A week's numbers, or a typical week before the kickoff (a self-reported baseline)."""

    WEEK = "week"
    PRE_EVENT = "pre"


def read_number(value: object) -> tuple[float | None, str | None]:
    """A number typed or sent (text or JSON) and, if it is not one, why: text, NaN or an
    infinity, a negative; empty text is "no value" (None, None)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None, f"value {value!r} is not a number"
    if isinstance(value, (int, float)) and math.isfinite(value) and value >= 0:
        return float(value), None
    text = str(value).strip()
    if not text:
        return None, None
    if _DECIMAL_COMMA.match(text):
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return None, f"value {text!r} is not a number"
    if not math.isfinite(number):
        return None, f"value {text!r} is not a finite number"
    if number < 0:
        return None, f"value {text!r} is negative"
    return number, None


def report_period(
    weeks: Sequence[MetricWeek], number: int, *, working: Callable[[date], bool]
) -> str:
    """The period a report of week `number` is stored under: an ISO week counted in that week
    (the first one), else the week's last day (a week too short to hold most of an ISO week)."""
    week = next(w for w in weeks if w.number == number)
    monday = week.first - timedelta(days=week.first.weekday())
    while monday <= week.last:
        period = Period(monday, monday + timedelta(days=6))
        found = week_of(period, weeks, working=working)
        if found is not None and found.number == number:
            return period.label
        monday += timedelta(days=7)
    return week.last.isoformat()


def last_working_day(week: MetricWeek, *, working: Callable[[date], bool]) -> date | None:
    """The week's last day `working` allows (the day its report is asked), if any."""
    day = week.last
    while day >= week.first:
        if working(day):
            return day
        day -= timedelta(days=1)
    return None
