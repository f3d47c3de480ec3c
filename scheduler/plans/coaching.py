"""The coaching digest planner: at most one DM per manager per working day, at 09:00 in the
manager's own time zone, only on days with something due or overdue, never while they are away;
each lists the manager's reps' reported weeks not yet confirmed or corrected (issue 15)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from bot.blocks.certification.messages import build_talk_track_lines
from bot.blocks.coaching.digest import build_digest_message, digest_fallback
from bot.blocks.metrics_refs import PendingReview
from bot.domain.block_budget import Surface, fit
from bot.domain.coaching.cadence import DIGEST_TIME
from bot.domain.coaching.views import Digest
from bot.domain.kinds import DeliveryKind
from bot.domain.local_time import at_local, end_of_local_day
from bot.services.availability import unavailable
from bot.services.certification.pending import pending_reviews as talk_tracks_to_review
from bot.services.coaching.behaviours import latest_behaviours
from bot.services.coaching.digest import compose_digest, digest_days
from bot.services.coaching.occurrences import materialise_items
from bot.services.coaching.status import StatusContext, load_status_context
from bot.services.metrics.pending_reviews import pending_reviews
from bot.services.outbox import Envelope, delivery_key
from db.models import CoachingItem, Person, Program, ProgramStatus


class CoachingDigestPlanner:
    """Plans `coaching_digest` DMs; creates each active program's coaching items first."""

    kinds = frozenset({DeliveryKind.COACHING_DIGEST})

    def plan(self, *, session: Session, start: datetime, end: datetime) -> list[Envelope]:
        """Every digest due in [start, end)."""
        envelopes: list[Envelope] = []
        programs = session.scalars(select(Program).where(Program.status == ProgramStatus.ACTIVE))
        for program in list(programs):
            materialise_items(session=session, program=program, now=start)
            envelopes += _program_digests(session, program, start, end)
        return envelopes


def _program_digests(
    session: Session, program: Program, start: datetime, end: datetime
) -> list[Envelope]:
    items = session.scalars(
        select(CoachingItem)
        .where(CoachingItem.program_id == program.id)
        .options(joinedload(CoachingItem.manager), joinedload(CoachingItem.rep))
    )
    by_manager: dict[int, list[CoachingItem]] = defaultdict(list)
    for item in items:
        by_manager[item.manager_id].append(item)
    context = load_status_context(session=session, program=program)
    reviews = pending_reviews(session=session, program=program) if by_manager else {}
    behaviours = latest_behaviours(session=session, program_id=program.id,
                                   rep_ids={i.rep_id for m in by_manager.values() for i in m})
    envelopes = []
    for manager_items in by_manager.values():
        manager = manager_items[0].manager
        for day in sorted(digest_days(program, manager_items)):
            due_at = at_local(day, DIGEST_TIME, manager.timezone)
            if _may_send(program, manager, day, context) and start <= due_at < end:
                digest = replace(compose_digest(program, day, manager_items, context, due_at),
                                 behaviours=behaviours)
                mine = reviews.get(manager.id, [])
                tracks = talk_tracks_to_review(session, program, due_at).get(manager.id, [])
                if not digest.empty or mine or tracks:
                    envelope = _envelope(program, manager, digest, due_at, mine)
                    envelopes.append(replace(envelope, blocks=fit(
                        [*(envelope.blocks or []), *build_talk_track_lines(tracks)],
                        Surface.MESSAGE)))
    return envelopes


def _may_send(program: Program, manager: Person, day: date, context: StatusContext) -> bool:
    """An active manager, on a working day they are not away."""
    return manager.active and unavailable(program, manager.id, day, context.absences) is None


def _envelope(
    program: Program, manager: Person, digest: Digest, due_at: datetime,
    reviews: list[PendingReview],
) -> Envelope:
    return Envelope(
        key=delivery_key(DeliveryKind.COACHING_DIGEST, program.id, manager.id,
                         digest.day.isoformat()),
        kind=DeliveryKind.COACHING_DIGEST,
        workspace_id=program.workspace_id,
        program_id=program.id,
        person_id=manager.id,
        channel=manager.slack_user_id,
        text=digest_fallback(digest, len(reviews)),
        blocks=build_digest_message(program.name, digest, manager.timezone, reviews),
        due_at=due_at,
        window_end=end_of_local_day(digest.day, manager.timezone),
    )
