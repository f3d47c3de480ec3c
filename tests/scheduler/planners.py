"""A test-only item kind: a DM due at 09:00 local with a window until 11:00, on working days."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.local_time import at_local, days_between, local_date
from bot.services.availability import load_absences, unavailable
from bot.services.outbox import Envelope, delivery_key
from db.models import Membership, Person, Program, ProgramStatus

KIND = "test_nine"


@dataclass(frozen=True)
class NineOClockPlanner:
    """Every active member of every active program gets a DM at their own 09:00."""

    kinds: frozenset[str] = frozenset({KIND})

    def plan(self, *, session: Session, start: datetime, end: datetime) -> Iterator[Envelope]:
        """Envelopes due in [start, end)."""
        query = (
            select(Membership, Person, Program)
            .join(Person, Membership.person_id == Person.id)
            .join(Program, Membership.program_id == Program.id)
            .where(
                Program.status == ProgramStatus.ACTIVE,
                Membership.active.is_(True),
                Person.active.is_(True),
            )
        )
        members = list(session.execute(query))
        absences = load_absences(session=session, first=start.date(), last=end.date())
        for _membership, person, program in members:
            first, last = local_date(start, person.timezone), local_date(end, person.timezone)
            for day in days_between(first, last):
                due = at_local(day, time(9), person.timezone)
                if not start <= due < end or unavailable(program, person.id, day, absences):
                    continue
                yield Envelope(
                    key=delivery_key(KIND, program.id, person.id, day.isoformat()),
                    kind=KIND,
                    workspace_id=program.workspace_id,
                    program_id=program.id,
                    person_id=person.id,
                    channel=person.slack_user_id,
                    text=f"Good morning {person.name}",
                    blocks=None,
                    due_at=due,
                    window_end=at_local(day, time(11), person.timezone),
                )
