"""The audit planner: every Monday at 09:00 program time the audit of the week just ended (also
a week with no activity), and on day 32 (configurable) the read-out, to the audit channel.

`advance` stores each audit once, when its week ends (the read-out: when its day starts). `plan`
only reads snapshots: the message is built from the stored numbers, so a re-plan never
recomputes or changes what a week said. A weekly audit's chart and CSV are uploaded by the
dispatcher as a step of their own, due when the week is stored (hours before the post, so Slack
has processed them by then); the post waits for that step (audit_files.py).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.blocks.audit import audit_fallback, build_audit_message
from bot.blocks.audit_readout import build_readout_message, readout_fallback
from bot.blocks.certification.audit import build_certification_lines
from bot.domain.audit.readout import ReadoutNumbers
from bot.domain.kinds import DeliveryKind
from bot.services.audit.record import record_readout, record_weekly_audit
from bot.services.audit.snapshot import week_numbers_of
from bot.services.audit.weeks import AuditSlot, audit_slots
from bot.services.certification.figures import certification_figures
from bot.services.ledger.posts import readout_ledger_blocks
from bot.services.metrics.audit_section import WEEKLY, stored_behaviour
from bot.services.outbox import Envelope, delivery_key
from db.models import AuditKind, AuditSnapshot, Delivery, DeliveryStatus, Program, ProgramStatus
from scheduler.plans.audit_files import files_missing, files_of, keep_files
from scheduler.plans.metrics_audit import behaviour_blocks
from scheduler.sending import FileToUpload, UploadedFile

log = logging.getLogger(__name__)
KINDS = {AuditKind.WEEKLY: DeliveryKind.AUDIT_WEEKLY, AuditKind.READOUT: DeliveryKind.AUDIT_READOUT}
# A post late by up to a day (the bot was down on Monday morning) is still worth sending.
POST_WINDOW = timedelta(days=1)
Stored = tuple[int, AuditKind, str]  # program id, kind, ISO week


class AuditPlanner:
    """Plans `audit_weekly` and `audit_readout` posts of active programs, and the upload of
    each weekly audit's files before its post."""

    kinds = frozenset({*KINDS.values(), DeliveryKind.AUDIT_FILES})
    upload_kinds = frozenset({DeliveryKind.AUDIT_FILES})

    def advance(self, *, session: Session, now: datetime) -> None:
        """Store the audits whose time has come, once each."""
        programs = list(session.scalars(
            select(Program).where(Program.status == ProgramStatus.ACTIVE)
        ))
        stored = _stored(session, [program.id for program in programs])
        for program in programs:
            for slot in audit_slots(program):
                if slot.prepared_at <= now < slot.posted_at + POST_WINDOW:
                    _prepare_apart(session, program, slot, stored, now)

    def plan(self, *, session: Session, start: datetime, end: datetime) -> Iterator[Envelope]:
        """The stored audits of active programs whose post falls in [start, end)."""
        programs = {program.id: program for program in session.scalars(
            select(Program).where(Program.status == ProgramStatus.ACTIVE))}
        for (program_id, kind, week), snapshot_id in _stored(session, list(programs)).items():
            program = programs[program_id]
            slot = next((s for s in audit_slots(program) if (s.kind, s.week) == (kind, week)),
                        None)
            if slot is not None and start <= slot.posted_at < end:
                yield from _envelopes(session, program, session.get_one(AuditSnapshot, snapshot_id),
                                      slot)

    def files_for(self, *, session: Session, key: str) -> list[FileToUpload]:
        """The files the `audit_files` delivery `key` uploads."""
        program, snapshot, _ = _snapshot_of(session, key)
        return files_of(snapshot, stored_behaviour(session=session, program_id=program.id,
                                                   kind=WEEKLY, week=snapshot.week))

    def uploaded(self, *, session: Session, key: str, files: list[UploadedFile]) -> None:
        """Keep the files' ids, and show them in the planned post waiting for them."""
        program, snapshot, slot = _snapshot_of(session, key)
        keep_files(snapshot, files)
        post = _envelope(session, program, snapshot, slot)
        session.execute(update(Delivery).where(
            Delivery.key == post.key, Delivery.status == DeliveryStatus.PLANNED,
        ).values(text=post.text, blocks=post.blocks))


def _prepare_apart(
    session: Session, program: Program, slot: AuditSlot, stored: dict[Stored, int], now: datetime,
) -> None:
    """Store one audit; if computing it fails (it reads three other features), the error is
    logged, every other planner goes on, and the next pass tries again. (No savepoint: SQLite's
    driver would commit a RELEASE of an outermost one; the computation only reads until its
    single INSERT.)"""
    if (program.id, slot.kind, slot.week) in stored:
        return
    record = record_weekly_audit if slot.kind is AuditKind.WEEKLY else _record_readout
    try:
        record(session=session, program=program, monday=slot.monday, now=now)
    except Exception:
        log.exception("the %s audit %s of program %s could not be prepared; the next "
                      "planning pass tries again", slot.kind, slot.week, program.id)


def _snapshot_of(session: Session, key: str) -> tuple[Program, AuditSnapshot, AuditSlot]:
    """The program, weekly snapshot and slot an `audit_files` delivery key names."""
    _, program_id, _, week = key.split(":")
    program = session.get_one(Program, int(program_id))
    snapshot = session.scalars(select(AuditSnapshot).where(
        AuditSnapshot.program_id == program.id, AuditSnapshot.kind == AuditKind.WEEKLY,
        AuditSnapshot.week == week)).one()
    slot = next(s for s in audit_slots(program) if (s.kind, s.week) == (AuditKind.WEEKLY, week))
    return program, snapshot, slot


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


def _envelopes(
    session: Session, program: Program, snapshot: AuditSnapshot, slot: AuditSlot
) -> Iterator[Envelope]:
    """The post, after the upload of the files it shows when some are still missing."""
    post = _envelope(session, program, snapshot, slot)
    if snapshot.kind is not AuditKind.WEEKLY or not files_missing(snapshot,
                                                                  week_numbers_of(snapshot)):
        yield post
        return
    files = Envelope(
        key=delivery_key(DeliveryKind.AUDIT_FILES, program.id, "audit", snapshot.week),
        kind=DeliveryKind.AUDIT_FILES,
        workspace_id=program.workspace_id, program_id=program.id, person_id=None,
        # Not a post: its own pace, so the post's place in the channel's pace is unchanged.
        channel=f"files:{program.audit_channel}"[:32], text=f"files of audit {snapshot.week}",
        blocks=None, due_at=slot.prepared_at, window_end=post.window_end,
    )
    yield files
    yield replace(post, after_key=files.key)


def _envelope(
    session: Session, program: Program, snapshot: AuditSnapshot, slot: AuditSlot
) -> Envelope:
    if snapshot.kind is AuditKind.WEEKLY:
        numbers = week_numbers_of(snapshot)
        text = audit_fallback(numbers)
        blocks = build_audit_message(numbers, chart_file_id=snapshot.chart_file_id,
                                     csv_link=snapshot.csv_permalink)
    else:
        readout = ReadoutNumbers.model_validate(snapshot.numbers)
        text, blocks = readout_fallback(readout), build_readout_message(readout)
    blocks += behaviour_blocks(session=session, program=program, snapshot=snapshot)
    blocks += build_certification_lines(certification_figures(
        session=session, program=program, at=snapshot.created_at))
    if snapshot.kind is AuditKind.READOUT:  # last: break-even and "Record a decision"
        blocks += readout_ledger_blocks(session=session, program=program)
    kind = KINDS[snapshot.kind]
    return Envelope(
        # One key per program and week (the channel is not in it): posted once, wherever to.
        key=delivery_key(kind, program.id, "audit", snapshot.week),
        kind=kind, workspace_id=program.workspace_id, program_id=program.id, person_id=None,
        channel=program.audit_channel, text=text, blocks=blocks, due_at=slot.posted_at,
        window_end=slot.posted_at + POST_WINDOW,
    )
