"""The certification DMs that come at a time: a window opens (each person's own day, in their
working hours), two days before the due day, the missed items once a failed-out window closed,
and the T-3 lists of who is not pre-certified yet."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.blocks.certification.messages import (
    Message,
    build_missed_items,
    build_not_certified_list,
    build_open_message,
    build_reminder_message,
)
from bot.domain.kinds import DeliveryKind
from bot.domain.local_time import at_local
from bot.services.availability import load_absences, reachable_from
from bot.services.certification.attempts import may_still_attempt
from bot.services.certification.missed import failed_out_missed
from bot.services.certification.standing import Standing, standings
from bot.services.certification.windows import Window
from bot.services.outbox import Envelope, delivery_key
from db.models import Certification, CertificationStage, Person, Program, ProgramStatus, Role

REMINDER_LEAD = timedelta(days=2)
LIST_LEAD = timedelta(days=3)  # T-3
LATE = timedelta(days=3)  # a list or missed items may wait this long for someone's hours


class CertificationPlanner:
    """Plans the certification DMs due in [start, end) of active programs."""

    kinds = frozenset({DeliveryKind.CERT_OPEN.value, DeliveryKind.SPOTCHECK_PROMPT.value,
                       DeliveryKind.CERT_REMINDER.value,
                       DeliveryKind.CERT_MISSED.value, DeliveryKind.CERT_NOT_CERTIFIED.value})

    def plan(self, *, session: Session, start: datetime, end: datetime) -> Iterator[Envelope]:
        """Every certification DM due in [start, end)."""
        query = (select(Certification, Program).join(Program,
                                                     Program.id == Certification.program_id)
                 .where(Program.status == ProgramStatus.ACTIVE).order_by(Certification.id))
        for certification, program in session.execute(query).all():
            plan = _Plan(session, certification, program, start, end)
            yield from plan.envelopes()


class _Plan:
    """One certification's sends in one slice."""

    def __init__(self, session: Session, certification: Certification, program: Program,
                 start: datetime, end: datetime) -> None:
        self.session, self.certification, self.program = session, certification, program
        self.start, self.end = start, end
        self.absences = load_absences(session=session, first=(start - LATE).date(),
                                      last=(end + LATE).date())

    def envelopes(self) -> Iterator[Envelope]:
        rows = standings(self.session, self.certification, self.program, self.start)
        for row in rows:
            for window in row.windows:
                yield from self._window(row, window)
        if self.certification.stage is CertificationStage.PRE_EVENT:
            yield from self._lists([row for row in rows if not row.passed])

    def _window(self, row: Standing, window: Window) -> Iterator[Envelope]:
        c = self.certification
        slot = f"c{c.id}.r{window.round}"
        # A certification created inside its window is announced from its creation.
        opens = max(window.opens_at, c.created_at)
        spotcheck = c.stage is CertificationStage.SPOTCHECK and window.round == 0
        kind = DeliveryKind.SPOTCHECK_PROMPT if spotcheck else DeliveryKind.CERT_OPEN
        why = "spotcheck" if spotcheck else "retake" if window.round else "certify"
        yield from self._to(kind, row.person, slot, opens,
                            window.closes_at, build_open_message(
                                name=c.name, certification_id=c.id, due_on=window.due_on,
                                attempts=c.attempts, why=why))
        attempts = row.in_round(window.round)
        if may_still_attempt(c, attempts):
            yield from self._to(DeliveryKind.CERT_REMINDER, row.person, slot,
                                window.closes_at - timedelta(days=1) - REMINDER_LEAD,
                                window.closes_at, build_reminder_message(
                                    name=c.name, certification_id=c.id, due_on=window.due_on))
        manager = self.session.get(Person, row.manager_id) if row.manager_id else None
        missed = failed_out_missed(self.session, c, attempts)
        if manager is not None and missed is not None:
            yield from self._to(DeliveryKind.CERT_MISSED, manager, f"{slot}.{row.person.id}",
                                window.closes_at, window.closes_at + LATE, build_missed_items(
                                    rep_name=row.person.name, name=c.name, items=missed))

    def _lists(self, waiting: list[Standing]) -> Iterator[Envelope]:
        program, c = self.program, self.certification
        at = at_local(program.kickoff_date - LIST_LEAD, time(0), program.timezone)
        by_manager: dict[int, list[str]] = {}
        for row in waiting:
            if row.manager_id is not None:
                by_manager.setdefault(row.manager_id, []).append(row.person.name)
        recipients = [(m.person, [row.person.name for row in waiting])
                      for m in program.memberships if m.active and Role.ENABLEMENT in m.roles]
        recipients += [(person, names) for manager_id, names in by_manager.items()
                       if (person := self.session.get(Person, manager_id)) is not None]
        for person, names in recipients:
            if names:
                yield from self._to(DeliveryKind.CERT_NOT_CERTIFIED, person, f"c{c.id}", at,
                                    at + LATE, build_not_certified_list(name=c.name,
                                                                        people=names))

    def _to(self, kind: DeliveryKind, person: Person, slot: str, earliest: datetime,
            latest: datetime, message: Message) -> Iterator[Envelope]:
        window = reachable_from(self.program, person, self.absences, earliest=earliest,
                                latest=latest)
        if window is None or not self.start <= window.due < self.end:
            return
        text, blocks = message
        yield Envelope(key=delivery_key(kind, self.program.id, person.id, slot), kind=kind,
                       workspace_id=self.program.workspace_id, program_id=self.program.id,
                       person_id=person.id, channel=person.slack_user_id, text=text,
                       blocks=blocks, due_at=window.due, window_end=window.end)
