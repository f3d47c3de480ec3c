"""The re-measure in the reinforcing phase: when the week holding day 100 has ended, its figures
are stored beside week 4's, and on the Monday after, at 09:00 program time, the audit channel
gets baseline vs week 4 vs now (the reps were asked for that week's numbers like weeks 1-4)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.blocks.metrics_audit import build_remeasure_message, remeasure_fallback
from bot.domain.kinds import DeliveryKind
from bot.domain.local_time import at_local
from bot.domain.metrics.periods import REMEASURE_WEEK, Period, metric_weeks
from bot.services.ledger.posts import remeasure_ledger_blocks
from bot.services.metrics.audit_section import REMEASURE, record_behaviour, stored_behaviour
from bot.services.outbox import Envelope, delivery_key
from bot.services.program_weeks import calendar_of
from db.models import MetricSnapshot, Program, ProgramStatus

POST_TIME = time(9, 0)
POST_WINDOW = timedelta(days=1)  # a post late by up to a day is still worth sending


class RemeasurePlanner:
    """Stores the re-measure once its week ends, and plans its post (`metrics_remeasure`)."""

    kinds = frozenset({DeliveryKind.METRICS_REMEASURE.value})

    def advance(self, *, session: Session, now: datetime) -> None:
        """Store the figures of every program whose re-measure week has ended, once."""
        for program in _programs(session):
            week, ends, posted = remeasure_slot(program)
            if ends <= now < posted + POST_WINDOW and not _stored(session, program, week):
                record_behaviour(session=session, program=program, kind=REMEASURE, week=week,
                                 monday=ends.date(), now=now)

    def plan(self, *, session: Session, start: datetime, end: datetime) -> Iterator[Envelope]:
        """The re-measure posts due in [start, end), from what was stored."""
        for program in _programs(session):
            week, _, posted = remeasure_slot(program)
            if not start <= posted < end:
                continue
            figures = stored_behaviour(session=session, program_id=program.id, kind=REMEASURE,
                                       week=week)
            if not figures:
                continue
            split = [item for item in figures if item.week != REMEASURE_WEEK]
            later = [item for item in figures if item.week == REMEASURE_WEEK]
            kind = DeliveryKind.METRICS_REMEASURE
            yield Envelope(
                key=delivery_key(kind, program.id, "audit", week), kind=kind,
                workspace_id=program.workspace_id, program_id=program.id, person_id=None,
                channel=program.audit_channel, text=remeasure_fallback(program.name),
                blocks=[*build_remeasure_message(tuple(split), tuple(later)),
                        *remeasure_ledger_blocks(session=session, program=program)],
                due_at=posted, window_end=posted + POST_WINDOW)


def _programs(session: Session) -> list[Program]:
    return list(session.scalars(select(Program).where(Program.status == ProgramStatus.ACTIVE)))


def remeasure_slot(program: Program) -> tuple[str, datetime, datetime]:
    """The re-measure week's ISO label, when it ends, and when its post is due."""
    week = metric_weeks(calendar_of(program), kickoff_date=program.kickoff_date)[-1]
    after = week.last + timedelta(days=1)
    return (Period(week.first, week.last).label, at_local(after, time(0), program.timezone),
            at_local(after, POST_TIME, program.timezone))


def _stored(session: Session, program: Program, week: str) -> bool:
    return session.scalar(select(MetricSnapshot.id).where(
        MetricSnapshot.program_id == program.id, MetricSnapshot.kind == REMEASURE,
        MetricSnapshot.week == week)) is not None
