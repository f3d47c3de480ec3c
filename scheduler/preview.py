"""What a program will send, per recipient, in their own time: planners asked, nothing queued."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.local_time import zone
from bot.services.outbox import Envelope
from bot.services.planner import Planner
from db.models import Person, Program, ProgramStatus


@dataclass(frozen=True)
class PreviewItem:
    """One planned send: to whom, when in their time zone, and what (as the registry names it)."""

    recipient: str  # "Name (U…)" for a DM, "channel C…" for a channel post
    timezone: str
    local_due: datetime
    what: str


def preview_program(
    *,
    session: Session,
    program: Program,
    planners: Sequence[Planner],
    start: datetime,
    end: datetime,
    describe: Callable[[Envelope], str],
) -> list[PreviewItem]:
    """Every send of `program` due in [start, end), by recipient then time; writes nothing.

    A program not yet launched (or paused) is previewed as if it were active: the planners are
    asked inside a savepoint that is rolled back, so its status never changes.
    """
    savepoint = session.begin_nested()
    try:
        program.status = ProgramStatus.ACTIVE
        session.flush()
        envelopes = [
            envelope
            for planner in planners
            for envelope in planner.plan(session=session, start=start, end=end)
            if envelope.program_id == program.id
        ]
    finally:
        savepoint.rollback()
    ids = {envelope.person_id for envelope in envelopes if envelope.person_id is not None}
    people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(ids)))}
    items = [_item(e, people, program.timezone, describe(e)) for e in envelopes]
    return sorted(items, key=lambda item: (item.recipient, item.local_due, item.what))


def _item(
    envelope: Envelope, people: dict[int, Person], program_tz: str, what: str
) -> PreviewItem:
    """A DM is shown in its recipient's time zone, a channel post in the program's."""
    person = people.get(envelope.person_id) if envelope.person_id is not None else None
    if person is None or envelope.channel not in (person.slack_user_id, person.dm_channel_id):
        local = envelope.due_at.astimezone(zone(program_tz))
        return PreviewItem(f"channel {envelope.channel}", program_tz, local, what)
    local = envelope.due_at.astimezone(zone(person.timezone))
    who = f"{person.name} ({person.slack_user_id})"
    return PreviewItem(who, person.timezone, local, what)
