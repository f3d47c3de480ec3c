"""What a manager's daily coaching digest says: due this week, due next, overdue.

A digest goes out only on the first working day of a week with something due, the last working
day before something is due, and the first working day after it was due; and only with
something still to log in it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from bot.domain.coaching.cadence import CADENCE_ORDER
from bot.domain.coaching.status import TO_LOG
from bot.domain.coaching.views import Digest
from bot.services.availability import program_day_off
from bot.services.coaching.calendar import ONE_DAY, end_of_week, week_days, working_days
from bot.services.coaching.status import StatusContext
from db.models import CoachingItem, Program


def week_opening(program: Program, day: date) -> date | None:
    """The first working day of the week `day` is in."""
    days = working_days(program, week_days(day))
    return days[0] if days else None


def working_day_before(program: Program, day: date) -> date:
    """The last working day before `day`."""
    day -= ONE_DAY
    while program_day_off(program, day) is not None:
        day -= ONE_DAY
    return day


def working_day_after(program: Program, day: date) -> date:
    """The first working day after `day`."""
    day += ONE_DAY
    while program_day_off(program, day) is not None:
        day += ONE_DAY
    return day


def digest_days(program: Program, items: Iterable[CoachingItem]) -> set[date]:
    """The days a digest may be due for these items."""
    days: set[date] = set()
    for item in items:
        due = item.effective_due
        opening = week_opening(program, due)
        days.update({working_day_before(program, due), working_day_after(program, due)})
        days.update({opening} if opening is not None else set())
    return days


def compose_digest(
    program: Program, day: date, items: Iterable[CoachingItem], context: StatusContext,
    now: datetime,
) -> Digest:
    """The digest of `day`: open items sorted into the three lists (status taken at `now`)."""
    still_open = sorted(
        (item for item in items if context.status_of(item, now) in TO_LOG),
        key=lambda item: (item.effective_due, item.rep.name, CADENCE_ORDER.index(item.cadence)),
    )
    this_week = [
        item for item in still_open
        if week_opening(program, item.effective_due) == day and item.effective_due >= day
    ]
    due_next = [
        item for item in still_open
        if working_day_before(program, item.effective_due) == day and item not in this_week
    ]
    overdue = [item for item in still_open if item.effective_due < day]
    # Items still open at `now` all fall in the week not yet ended; min() keeps the promise
    # true even if they did not.
    overdue_by = min((end_of_week(program, item.effective_due) for item in overdue), default=None)
    return Digest(day=day, this_week=this_week, due_next=due_next, overdue=overdue,
                  overdue_by=overdue_by)
