"""The state of a coaching item at an instant, derived from its log, absences and the roster.

done / disputed / skipped / rescheduled come from the log; excused (rep or manager out of office
every working day of the item's week, the rep deactivated or moved to another manager) and missed
(not logged by the end of its week, or of the week of its new date) depend on when one asks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy.orm import Session

from bot.services.availability import Absences, load_absences
from bot.services.coaching.calendar import cadence_span, end_of_week, week_days, working_days
from bot.services.coaching.occurrences import active_pairs
from db.models import CoachingItem, Confirmation, LoggedStatus, Program


class Status(StrEnum):
    """Where an item stands; each item is in exactly one."""

    OPEN = "open"  # due and not logged yet, its week not over
    DONE = "done"
    RESCHEDULED = "rescheduled"  # moved to a new date, still due
    SKIPPED = "skipped"
    MISSED = "missed"
    EXCUSED = "excused"
    DISPUTED = "disputed"  # logged as held; the rep says it did not happen


# Items a manager still has to hold and log.
TO_LOG = frozenset({Status.OPEN, Status.RESCHEDULED})


@dataclass(frozen=True)
class StatusContext:
    """What deriving the status of a program's items needs, loaded once."""

    program: Program
    absences: Absences
    manager_of_rep: dict[int, int]  # every active rep -> the manager coaching them now

    def status_of(self, item: CoachingItem, now: datetime) -> Status:
        """The item's status at `now`."""
        if item.status is LoggedStatus.DONE:
            disputed = item.confirmation is Confirmation.DISPUTED
            return Status.DISPUTED if disputed else Status.DONE
        if self.is_excused(item):
            return Status.EXCUSED
        if item.status is LoggedStatus.SKIPPED:
            return Status.SKIPPED
        if now >= end_of_week(self.program, item.effective_due):
            return Status.MISSED
        return Status.RESCHEDULED if item.status is LoggedStatus.RESCHEDULED else Status.OPEN

    def is_excused(self, item: CoachingItem) -> bool:
        """Whether the pair is over, or rep or manager is away every working day of its week."""
        if self.manager_of_rep.get(item.rep_id) != item.manager_id:
            return True
        week = working_days(self.program, week_days(item.effective_due))
        return any(
            all(self.absences.is_away(person_id, day) for day in week)
            for person_id in (item.rep_id, item.manager_id)
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
