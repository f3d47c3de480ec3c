"""The audit planner: every Monday at 09:00 program time the audit of the week just ended (also
a week with no activity), and on day 32 (configurable) the read-out, to the audit channel.

`advance` stores each audit once, when its week ends (the read-out: when its day starts), and
uploads its chart and CSV then, hours before the post, so Slack has processed the files by the
time the message shows them. `plan` only reads snapshots: the message is built from the stored
numbers, so a re-plan never recomputes, re-uploads or changes what a week said.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.blocks.audit import audit_fallback, build_audit_message
from bot.blocks.audit_readout import build_readout_message, readout_fallback
from bot.domain.audit.readout import ReadoutNumbers
from bot.domain.kinds import DeliveryKind
from bot.services.audit.record import record_readout, record_weekly_audit
from bot.services.audit.snapshot import week_numbers_of
from bot.services.audit.weeks import AuditSlot, audit_slots
from bot.services.outbox import Envelope, delivery_key
from bot.settings import Settings
from db.models import AuditKind, AuditSnapshot, Program, ProgramStatus
from scheduler.plans.audit_files import FileUploader, SlackFileUploader, attach_files

log = logging.getLogger(__name__)
KINDS = {AuditKind.WEEKLY: DeliveryKind.AUDIT_WEEKLY, AuditKind.READOUT: DeliveryKind.AUDIT_READOUT}
# A post late by up to a day (the bot was down on Monday morning) is still worth sending.
POST_WINDOW = timedelta(days=1)
Stored = tuple[int, AuditKind, str]  # program id, kind, ISO week


class AuditPlanner:
    """Plans `audit_weekly` and `audit_readout` posts of active programs."""

    kinds = frozenset(KINDS.values())

    def __init__(self, settings: Settings) -> None:
        self._uploader: FileUploader = SlackFileUploader(settings)

    def advance(self, *, session: Session, now: datetime) -> None:
        """Store the audits whose time has come, once each, and upload their files."""
        programs = list(session.scalars(
            select(Program).where(Program.status == ProgramStatus.ACTIVE)
        ))
        stored = _stored(session, [program.id for program in programs])
        for program in programs:
            for slot in audit_slots(program):
                if slot.prepared_at <= now < slot.posted_at + POST_WINDOW:
                    self._prepare_apart(session, program, slot, stored, now)

    def _prepare_apart(
        self, session: Session, program: Program, slot: AuditSlot,
        stored: dict[Stored, int], now: datetime,
    ) -> None:
        """Prepare one audit; if computing it fails (it reads three other features), the error
        is logged, every other planner goes on, and the next pass tries again. (No savepoint:
        SQLite's driver would commit a RELEASE of an outermost one; the computation only reads
        until its single INSERT.)"""
        try:
            self._prepare(session, program, slot, stored, now)
        except Exception:
            log.exception("the %s audit %s of program %s could not be prepared; the next "
                          "planning pass tries again", slot.kind, slot.week, program.id)

    def _prepare(
        self, session: Session, program: Program, slot: AuditSlot,
        stored: dict[Stored, int], now: datetime,
    ) -> None:
        snapshot_id = stored.get((program.id, slot.kind, slot.week))
        if snapshot_id is None:
            record = record_weekly_audit if slot.kind is AuditKind.WEEKLY else _record_readout
            snapshot = record(session=session, program=program, monday=slot.monday, now=now)
        elif now < slot.posted_at:  # files are added before the message is due, never after
            snapshot = session.get(AuditSnapshot, snapshot_id)
        else:
            return
        if snapshot is not None and snapshot.kind is AuditKind.WEEKLY:
            attach_files(snapshot, self._uploader)

    def plan(self, *, session: Session, start: datetime, end: datetime) -> Iterator[Envelope]:
        """The stored audits of active programs whose post falls in [start, end)."""
        programs = {program.id: program for program in session.scalars(
            select(Program).where(Program.status == ProgramStatus.ACTIVE))}
        for (program_id, kind, week), snapshot_id in _stored(session, list(programs)).items():
            program = programs[program_id]
            slot = next((s for s in audit_slots(program) if (s.kind, s.week) == (kind, week)),
                        None)
            if slot is not None and start <= slot.posted_at < end:
                yield _envelope(program, session.get_one(AuditSnapshot, snapshot_id), slot)


def _stored(session: Session, program_ids: list[int]) -> dict[Stored, int]:
    """The ids of the programs' snapshots by (program, kind, week), their numbers not loaded."""
    rows = session.execute(
        select(AuditSnapshot.program_id, AuditSnapshot.kind, AuditSnapshot.week, AuditSnapshot.id)
        .where(AuditSnapshot.program_id.in_(program_ids))
        .order_by(AuditSnapshot.id)
    )
    return {(program_id, kind, week): snapshot_id for program_id, kind, week, snapshot_id in rows}


def _record_readout(
    *, session: Session, program: Program, monday: date, now: datetime
) -> AuditSnapshot | None:
    return record_readout(session=session, program=program, week=monday, now=now)


def _envelope(program: Program, snapshot: AuditSnapshot, slot: AuditSlot) -> Envelope:
    if snapshot.kind is AuditKind.WEEKLY:
        numbers = week_numbers_of(snapshot)
        text = audit_fallback(numbers)
        blocks = build_audit_message(numbers, chart_file_id=snapshot.chart_file_id,
                                     csv_link=snapshot.csv_permalink)
    else:
        readout = ReadoutNumbers.model_validate(snapshot.numbers)
        text, blocks = readout_fallback(readout), build_readout_message(readout)
    kind = KINDS[snapshot.kind]
    return Envelope(
        # One key per program and week (the channel is not in it): posted once, wherever to.
        key=delivery_key(kind, program.id, "audit", snapshot.week),
        kind=kind, workspace_id=program.workspace_id, program_id=program.id, person_id=None,
        channel=program.audit_channel, text=text, blocks=blocks, due_at=slot.posted_at,
        window_end=slot.posted_at + POST_WINDOW,
    )
