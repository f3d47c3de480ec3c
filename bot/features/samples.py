""""Send me a test": the first message of a kind a program will send, as its recipient would get
it, found by asking the planners (in a savepoint rolled back, so nothing is queued or changed)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time, timedelta

from sqlalchemy.orm import Session

from bot.domain.local_time import at_local
from bot.domain.program_spec import PROGRAM_DAYS
from bot.services.outbox import Envelope
from bot.services.planner import Planner
from db.models import Program, ProgramStatus

STEP = timedelta(days=3)  # planned a few days at a time, stopping at the first found
SPAN_DAYS = PROGRAM_DAYS + 5  # the day-32 read-out and its week included


def sample_kinds(planners: Sequence[Planner]) -> list[str]:
    """Every kind of message the planners send (file uploads are not messages), in a stable
    order."""
    kinds = {kind for planner in planners for kind in planner.kinds}
    # An uploading planner (scheduler/uploading.py) names its upload kinds; read by name here so
    # "send me a test" needs nothing of the scheduler.
    uploads = {kind for planner in planners for kind in getattr(planner, "upload_kinds", ())}
    return sorted(kinds - uploads)


def sample_envelope(
    *, session: Session, program: Program, planners: Sequence[Planner], kind: str
) -> Envelope | None:
    """The program's first envelope of `kind` over its whole run, as if it were active."""
    owners = [planner for planner in planners if kind in planner.kinds]
    start = at_local(program.kickoff_date - timedelta(days=2), time(0), program.timezone)
    end = start + timedelta(days=SPAN_DAYS)
    savepoint = session.begin_nested()
    try:
        program.status = ProgramStatus.ACTIVE
        session.flush()
        while start < end:
            found = [envelope for planner in owners
                     for envelope in planner.plan(session=session, start=start, end=start + STEP)
                     if envelope.kind == kind and envelope.program_id == program.id]
            if found:
                return min(found, key=lambda envelope: (envelope.due_at, envelope.key))
            start += STEP
        return None
    finally:
        savepoint.rollback()
