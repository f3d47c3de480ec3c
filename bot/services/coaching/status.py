"""The state of a coaching item at an instant, derived from its log, absences and the roster.

done / disputed / skipped / rescheduled come from the log; excused (rep or manager out of office
every working day of the item's week, the rep deactivated or moved to another manager) and missed
(not logged by the end of its week, or of the week of its new date) depend on when one asks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

from sqlalchemy.orm import Session

from bot.domain.coaching.status import Status
from bot.services.availability import Absences, load_absences
from bot.services.coaching.calendar import cadence_span, end_of_week, week_days, working_days
from bot.services.coaching.occurrences import active_pairs
from db.models import Confirmation, LoggedStatus, Program


class StatusItem(Protocol):
    """What a status is derived from: a CoachingItem, or a light row of its columns."""

    @property
    def manager_id(self) -> int: ...
    @property
    def rep_id(self) -> int: ...
    @property
    def status(self) -> LoggedStatus: ...
    @property
    def confirmation(self) -> Confirmation | None: ...
    @property
    def effective_due(self) -> date: ...


@dataclass(frozen=True)
class StatusRule:
    """What decides an item's status besides its own columns: the program's calendar and the
    absences. One rule for a single item and for a group of items sharing the same facts (the
    read-out counts groups in SQL, `coaching/totals.py`)."""

    program: Program
    absences: Absences
    # By due date: the working days of its week and the instant that week ends.
    _weeks: dict[date, tuple[list[date], datetime]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def decide(
        self, *, status: LoggedStatus, confirmation: Confirmation | None, due: date,
        current: bool, people: tuple[int, ...], now: datetime,
    ) -> Status:
        """The status at `now` of an item logged `status`, effectively due on `due`, whose pair
        is `current` (or over), and whose absences are those of `people` (its rep and manager;
        left out, someone never away)."""
        if status is LoggedStatus.DONE:
            return Status.DISPUTED if confirmation is Confirmation.DISPUTED else Status.DONE
        if self.excused(due=due, current=current, people=people):
            return Status.EXCUSED
        if status is LoggedStatus.SKIPPED:
            return Status.SKIPPED
        if now >= self._week(due)[1]:
            return Status.MISSED
        return Status.RESCHEDULED if status is LoggedStatus.RESCHEDULED else Status.OPEN

    def excused(self, *, due: date, current: bool, people: tuple[int, ...]) -> bool:
        """Whether the pair is over, or one of `people` is away every working day of the week
        of `due`."""
        if not current:
            return True
        week = self._week(due)[0]
        away = self.absences.ranges
        if week and not any(person_id in away for person_id in people):
            return False  # neither is ever away (the common case): no day to look at
        return any(
            all(self.absences.is_away(person_id, day) for day in week) for person_id in people
        )

    def _week(self, day: date) -> tuple[list[date], datetime]:
        """The working days of the week of `day` and the instant it ends (worked out once per
        day: a program's items fall due on a handful of days)."""
        found = self._weeks.get(day)
        if found is None:
            found = (working_days(self.program, week_days(day)), end_of_week(self.program, day))
            self._weeks[day] = found
        return found


@dataclass(frozen=True)
class StatusContext(StatusRule):
    """What deriving the status of a program's items needs, loaded once."""

    manager_of_rep: dict[int, int] = field(default_factory=dict)  # active rep -> their manager

    def status_of(self, item: StatusItem, now: datetime) -> Status:
        """The item's status at `now`."""
        return self.decide(
            status=item.status, confirmation=item.confirmation, due=item.effective_due,
            current=self.manager_of_rep.get(item.rep_id) == item.manager_id,
            people=(item.rep_id, item.manager_id), now=now,
        )


def load_status_context(*, session: Session, program: Program) -> StatusContext:
    """The active pairs and the absences of their people over the whole cadence (two queries)."""
    pairs = active_pairs(session=session, program_id=program.id)
    people = {pair.rep_id for pair in pairs} | {pair.manager_id for pair in pairs}
    first, last = cadence_span(program)
    absences = load_absences(session=session, person_ids=people, first=first, last=last)
    return StatusContext(
        program=program, absences=absences,
        manager_of_rep={pair.rep_id: pair.manager_id for pair in pairs},
    )
