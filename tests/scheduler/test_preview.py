"""`preview_program`: the planners asked what a program will send, in local time, nothing queued."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.domain.local_time import at_local
from bot.services.outbox import Envelope
from db.models import Delivery, Program, ProgramStatus, Role
from scheduler.preview import preview_program
from tests.databases import Database
from tests.factories import add_member, make_person, make_program, make_workspace
from tests.scheduler.planners import KIND, NineOClockPlanner

START = datetime(2027, 1, 11, 0, 0, tzinfo=UTC)  # Monday


@dataclass(frozen=True)
class WeeklyPostPlanner:
    """A post in every active program's audit channel, Mondays at 16:00 program time."""

    kinds: frozenset[str] = frozenset({"test_weekly"})

    def plan(self, *, session: Session, start: datetime, end: datetime) -> Iterator[Envelope]:
        """Envelopes due in [start, end)."""
        active = select(Program).where(Program.status == ProgramStatus.ACTIVE)
        for program in session.scalars(active):
            due = at_local(start.date(), time(16), program.timezone)
            if start <= due < end and start.date().isoweekday() == 1:
                yield Envelope(
                    key=f"test_weekly:{program.id}",
                    kind="test_weekly",
                    workspace_id=program.workspace_id,
                    program_id=program.id,
                    person_id=None,
                    channel=program.audit_channel,
                    text="weekly",
                    blocks=None,
                    due_at=due,
                    window_end=due + timedelta(hours=2),
                )


def test_a_draft_program_is_previewed_per_person_in_local_time(database: Database) -> None:
    with database.session_factory.begin() as session:
        workspace = make_workspace(session)
        program = make_program(
            session, workspace, status=ProgramStatus.DRAFT, timezone="America/New_York"
        )
        other = make_program(session, workspace, name="Other")  # active, not previewed
        for slack_id, tz in (("UANA", "Europe/Berlin"), ("UKAI", "America/Los_Angeles")):
            person = make_person(session, workspace, slack_id, tz=tz, name=slack_id[1:].title())
            add_member(session, program, person, Role.REP)
            add_member(session, other, person, Role.REP)

        items = preview_program(
            session=session,
            program=program,
            planners=[NineOClockPlanner(), WeeklyPostPlanner()],
            describe=lambda envelope: envelope.kind,
            start=START,
            end=START + timedelta(days=2),
        )

        assert [(i.recipient, i.timezone, f"{i.local_due:%a %H:%M}", i.what) for i in items] == [
            ("Ana (UANA)", "Europe/Berlin", "Mon 09:00", KIND),
            ("Ana (UANA)", "Europe/Berlin", "Tue 09:00", KIND),
            ("Kai (UKAI)", "America/Los_Angeles", "Mon 09:00", KIND),
            ("Kai (UKAI)", "America/Los_Angeles", "Tue 09:00", KIND),
            ("channel CAUDIT", "America/New_York", "Mon 16:00", "test_weekly"),
        ]
        assert program.status is ProgramStatus.DRAFT
    with database.session_factory() as session:
        stored = session.scalar(select(Program.status).where(Program.id == program.id))
        assert stored is ProgramStatus.DRAFT
        assert session.scalar(select(func.count()).select_from(Delivery)) == 0
