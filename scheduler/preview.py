"""What a program will send, per recipient, in their own time: planners asked day by day, and
the events people cause (the launch, an answer, a log) rehearsed, in a savepoint rolled back, so
nothing stays queued."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.domain.local_time import zone
from bot.services.outbox import Envelope
from bot.services.planner import Planner
from bot.services.rehearsal import play, rehearsed_events
from db.models import Delivery, Person, Program, ProgramStatus
from scheduler.planning import Advancing
from scheduler.sending import UploadedFile
from scheduler.uploading import Uploading

STEP = timedelta(days=1)  # planners are asked a day at a time, their records advanced in between


@dataclass(frozen=True)
class PreviewItem:
    """One planned send: to whom, when in their time zone, and what (as the registry names it)."""

    recipient: str  # "Name (U…)" for a DM, "channel C…" for a channel post
    timezone: str
    local_due: datetime
    what: str
    text: str = ""  # the envelope's notification text and blocks, exactly as they would be sent
    blocks: list[dict[str, Any]] | None = None
    images: dict[str, bytes] = field(default_factory=dict)  # the PNGs it shows, by file id


def preview_program(
    *,
    session: Session,
    program: Program,
    planners: Sequence[Planner],
    start: datetime,
    end: datetime,
    describe: Callable[[Envelope], str],
    kinds: Collection[str] = (),
) -> list[PreviewItem]:
    """Every send of `program` due in [start, end), by recipient then time; writes nothing.

    A program not yet launched (or paused) is previewed as if it were active (a draft one from
    its launch, welcomes included): everything happens inside a savepoint that is rolled back,
    so its status never changes and nothing stays queued. The events people cause are
    rehearsed for the features sending `kinds` (the registry's).
    """
    savepoint = session.begin_nested()
    try:
        launching = program.status is ProgramStatus.DRAFT
        program.status = ProgramStatus.ACTIVE
        session.flush()
        images: dict[str, bytes] = {}
        envelopes = list(_rehearse(session, program, planners, start, end, launching=launching,
                                   kinds=kinds, images=images))
    finally:
        savepoint.rollback()
    ids = {envelope.person_id for envelope in envelopes if envelope.person_id is not None}
    people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(ids)))}
    items = [replace(_item(e, people, program.timezone, describe(e)),
                     images=_shown(e.blocks or [], images)) for e in envelopes]
    return sorted(items, key=lambda item: (item.recipient, item.local_due, item.what))


def _rehearse(
    session: Session, program: Program, planners: Sequence[Planner], start: datetime,
    end: datetime, *, launching: bool, kinds: Collection[str], images: dict[str, bytes],
) -> Iterator[Envelope]:
    """Window by window (a day, cut where an event happens): planners' records advanced to the
    window's end (an audit is stored when its week ends), what they plan in it, then the event
    that ends it; finally what the events queued."""
    before = session.scalar(select(func.max(Delivery.id))) or 0
    events = rehearsed_events(session=session, program=program, launching=launching,
                              start=start, kinds=kinds)
    cuts = sorted({*_days(start, end), *(e.at for e in events if start <= e.at < end), end})
    for first, last in itertools.pairwise([start, *cuts]):
        for planner in planners:
            if isinstance(planner, Advancing):
                planner.advance(session=session, now=last)
            yield from _planned(session, planner, program, first, last, images)
        for event in (event for event in events if event.at == last):
            play(session, event)
    queued = select(Delivery).where(Delivery.id > before, Delivery.program_id == program.id,
                                    Delivery.due_at >= start, Delivery.due_at < end)
    yield from (_envelope(row) for row in session.scalars(queued))


def _planned(session: Session, planner: Planner, program: Program, first: datetime,
             last: datetime, images: dict[str, bytes]) -> Iterable[Envelope]:
    """What `planner` plans for the program in [first, last). A file upload among it is
    rehearsed too (its files rendered, given preview ids, their PNGs kept in `images`), so
    the post waiting for it shows them as it will."""

    def plan() -> dict[str, Envelope]:
        return {e.key: e for e in planner.plan(session=session, start=first, end=last)
                if e.program_id == program.id}

    planned = plan()
    if not isinstance(planner, Uploading):
        return planned.values()
    uploads = [e.key for e in planned.values() if e.kind in planner.upload_kinds]
    for key in uploads:
        rendered = planner.files_for(session=session, key=key)
        kept = [UploadedFile(file.role, f"FPREVIEW{len(images)}{n}", None)
                for n, file in enumerate(rendered)]
        images.update({k.id: f.content for k, f in zip(kept, rendered, strict=True)
                       if f.filename.endswith(".png")})
        planner.uploaded(session=session, key=key, files=kept)
    return {**planned, **plan()}.values() if uploads else planned.values()


def _days(start: datetime, end: datetime) -> Iterator[datetime]:
    while (start := start + STEP) < end:
        yield start


def _envelope(row: Delivery) -> Envelope:
    return Envelope(key=row.key, kind=row.kind, workspace_id=row.workspace_id,
                    program_id=row.program_id, person_id=row.person_id, channel=row.channel,
                    text=row.text, blocks=row.blocks, due_at=row.due_at,
                    window_end=row.window_end)


def _shown(blocks: list[dict[str, Any]], images: dict[str, bytes]) -> dict[str, bytes]:
    """The images among `images` the blocks show (by their Slack file id)."""
    ids = {block.get("slack_file", {}).get("id") for block in blocks
           if block.get("type") == "image"}
    return {file_id: content for file_id, content in images.items() if file_id in ids}


def _item(
    envelope: Envelope, people: dict[int, Person], program_tz: str, what: str
) -> PreviewItem:
    """A DM is shown in its recipient's time zone, a channel post in the program's."""
    person = people.get(envelope.person_id) if envelope.person_id is not None else None
    if person is None or envelope.channel not in (person.slack_user_id, person.dm_channel_id):
        local = envelope.due_at.astimezone(zone(program_tz))
        return PreviewItem(f"channel {envelope.channel}", program_tz, local, what,
                           envelope.text, envelope.blocks)
    local = envelope.due_at.astimezone(zone(person.timezone))
    who = f"{person.name} ({person.slack_user_id})"
    return PreviewItem(who, person.timezone, local, what, envelope.text, envelope.blocks)
