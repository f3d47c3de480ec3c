"""The SpotCheck read-out in the audit channel, the morning after the SpotCheck closes (program
time): still executing vs certified at day 30, and the behaviour metrics re-measured (baseline vs
week 4 vs now, as the day-100 re-measure stored them)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.blocks.certification.audit import build_spotcheck_readout, spotcheck_fallback
from bot.blocks.metrics_audit import build_remeasure_message
from bot.domain.kinds import DeliveryKind
from bot.domain.local_time import at_local
from bot.domain.metrics.periods import REMEASURE_WEEK
from bot.services.certification.spotcheck import spotcheck_figures
from bot.services.metrics.audit_section import REMEASURE, stored_behaviour
from bot.services.outbox import Envelope, delivery_key
from db.models import Certification, CertificationStage, Program, ProgramStatus
from scheduler.plans.metrics_remeasure import remeasure_slot

POST_TIME = time(9, 0)
POST_WINDOW = timedelta(days=1)


class SpotCheckReadoutPlanner:
    """Plans each SpotCheck's read-out post (`spotcheck_readout`)."""

    kinds = frozenset({DeliveryKind.SPOTCHECK_READOUT.value})

    def plan(self, *, session: Session, start: datetime, end: datetime) -> Iterator[Envelope]:
        """The read-outs due in [start, end)."""
        query = (select(Certification, Program)
                 .join(Program, Program.id == Certification.program_id)
                 .where(Program.status == ProgramStatus.ACTIVE,
                        Certification.stage == CertificationStage.SPOTCHECK)
                 .order_by(Certification.id))
        for certification, program in session.execute(query).all():
            day = program.kickoff_date + timedelta(days=certification.due_day + 1)
            posted = at_local(day, POST_TIME, program.timezone)
            if not start <= posted < end:
                continue
            figures = spotcheck_figures(session=session, certification=certification,
                                        program=program)
            kind = DeliveryKind.SPOTCHECK_READOUT
            yield Envelope(
                key=delivery_key(kind, program.id, "audit", f"c{certification.id}"), kind=kind,
                workspace_id=program.workspace_id, program_id=program.id, person_id=None,
                channel=program.audit_channel, text=spotcheck_fallback(certification.name),
                blocks=[*build_spotcheck_readout(certification.name, figures),
                        *_remeasured(session, program)],
                due_at=posted, window_end=posted + POST_WINDOW)


def _remeasured(session: Session, program: Program) -> list[dict[str, object]]:
    """The re-measure's blocks, if the day-100 week has been stored (else none)."""
    week, _, _ = remeasure_slot(program)
    figures = stored_behaviour(session=session, program_id=program.id, kind=REMEASURE, week=week)
    if not figures:
        return []
    split = tuple(item for item in figures if item.week != REMEASURE_WEEK)
    later = tuple(item for item in figures if item.week == REMEASURE_WEEK)
    return build_remeasure_message(split, later)
