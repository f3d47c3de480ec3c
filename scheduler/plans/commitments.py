"""The commitment planner: at the event's close (event day 2 at 16:00 in the program's zone, or
16:30 on a one-day event) each manager coaching reps gets one DM asking for their commitment.

The close is a moment of the event, which everyone attends in its zone: a manager from Kolkata
is in the room at 16:00 New York time although their own calendar has moved on to the next day,
so the general rule that ends the event at midnight on a person's own calendar
(bot/domain/working_hours.py) does not apply to it. Someone out of office that day gets it in
their next working window (within a week), never while away; so does everyone when the close
falls outside the program's working hours.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.blocks.commitment import build_commitment_prompt, commitment_prompt_fallback
from bot.domain.commitments import commitment_moment
from bot.domain.kinds import DeliveryKind
from bot.domain.local_time import at_local, local_date, zone
from bot.domain.working_hours import MIN_SPAN, DmWindow
from bot.services.availability import (
    Absences,
    load_absences,
    reachable_from,
    unavailable,
    work_window,
)
from bot.services.commitments.managers import coaching_managers
from bot.services.commitments.sessions import materialise_added
from bot.services.outbox import Envelope, delivery_key
from db.models import Person, Program, ProgramStatus

# How long after the close a manager who was away may still be asked.
REACH = timedelta(days=7)


class CommitmentPlanner:
    """Plans `commitment_prompt` DMs; gives reps who joined a manager since their added
    sessions first."""

    kinds = frozenset({DeliveryKind.COMMITMENT_PROMPT})

    def plan(self, *, session: Session, start: datetime, end: datetime) -> list[Envelope]:
        """Every commitment DM due in [start, end)."""
        envelopes: list[Envelope] = []
        programs = session.scalars(select(Program).where(Program.status == ProgramStatus.ACTIVE))
        for program in list(programs):
            materialise_added(session=session, program=program, now=start)
            day, at = commitment_moment(program.kickoff_date, program.event_days)
            close = at_local(day, at, program.timezone)
            if close >= end or close + REACH <= start:
                continue
            envelopes += _program_prompts(session, program, close, start, end)
        return envelopes


def _program_prompts(
    session: Session, program: Program, close: datetime, start: datetime, end: datetime
) -> list[Envelope]:
    managers = coaching_managers(session=session, program_id=program.id)
    absences = load_absences(session=session, person_ids=[m.id for m in managers],
                             first=(close - timedelta(days=1)).date(),
                             last=(close + REACH).date())
    envelopes = []
    for manager in managers:
        window = _at_the_close(program, manager, absences, close) or reachable_from(
            program, manager, absences, earliest=close, latest=close + REACH)
        if window is not None and start <= window.due < end:
            envelopes.append(_envelope(program, manager, window.due, window.end))
    return envelopes


def _at_the_close(
    program: Program, manager: Person, absences: Absences, close: datetime
) -> DmWindow | None:
    """The close itself, to the end of the event's working day, for a manager at the event
    (not out of office) when the close lies in the program's working hours; else None."""
    day, at = local_date(close, program.timezone), close.astimezone(zone(program.timezone))
    hours = work_window(program)
    if unavailable(program, manager.id, day, absences) is not None:
        return None
    if not hours.start <= at.time() < hours.end:
        return None
    return DmWindow(due=close, end=max(at_local(day, hours.end, program.timezone),
                                       close + MIN_SPAN))


def _envelope(program: Program, manager: Person, due: datetime, window_end: datetime) -> Envelope:
    return Envelope(
        key=delivery_key(DeliveryKind.COMMITMENT_PROMPT, program.id, manager.id, "close"),
        kind=DeliveryKind.COMMITMENT_PROMPT, workspace_id=program.workspace_id,
        program_id=program.id, person_id=manager.id, channel=manager.slack_user_id,
        text=commitment_prompt_fallback(program.name),
        blocks=build_commitment_prompt(program.name, program.id), due_at=due,
        window_end=window_end,
    )
