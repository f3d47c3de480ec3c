"""Blockers: the manager's DM, kept in step with the rep's edits, and open blockers counted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.blocks.standup_channel import (
    WITHDRAWN_NOTE,
    blocker_dm_fallback,
    build_blocker_dm,
)
from bot.blocks.text import Block
from bot.domain.kinds import DeliveryKind
from bot.domain.standups.days import StandupDay
from bot.domain.working_hours import DmWindow
from bot.services.availability import dm_window
from bot.services.outbox import NOW_WINDOW, Envelope, queue
from bot.services.standups.keys import blocker_key
from bot.services.standups.posting import refresh_planned
from db.models import Membership, Person, Program, StandupAnswer


def sync_blocker_dm(
    session: Session,
    *,
    program: Program,
    member: Membership,
    day: StandupDay,
    answer: StandupAnswer,
    before: str | None,
    now: datetime,
) -> None:
    """After an answer or edit whose blocker was `before`: tell the manager what changed.

    An open blocker's DM is updated (or marked withdrawn); a new blocker, or one after the last
    was resolved, is a new DM with a "Resolved" button. Reps without a manager send none.
    """
    manager = member.manager
    if answer.blocker == before or manager is None:
        return
    dm = _BlockerDm(session, program, member.person, manager, day, answer, now)
    still_open = answer.blocker_key is not None and answer.blocker_resolved_at is None
    if before and still_open and answer.manager_id == manager.id:
        dm.send(
            text=answer.blocker or before,
            withdrawn=not answer.blocker,
            update_key=answer.blocker_key,
        )
    elif answer.blocker:
        answer.manager_id = manager.id
        answer.blocker_key = dm.send(text=answer.blocker, withdrawn=False, update_key=None)
        answer.blocker_resolved_at = answer.blocker_resolved_by_id = None


@dataclass(frozen=True)
class _BlockerDm:
    """One answer's blocker DM to the rep's manager."""

    session: Session
    program: Program
    rep: Person
    manager: Person
    day: StandupDay
    answer: StandupAnswer
    now: datetime

    def send(self, *, text: str, withdrawn: bool, update_key: str | None) -> str:
        """Queue the DM (or its update; still waiting, it is rewritten instead); its key."""
        blocks = build_blocker_dm(
            rep_user_id=self.rep.slack_user_id,
            program_name=self.program.name,
            day=self.day,
            blocker=text,
            answer_id=self.answer.id,
            closed_note=WITHDRAWN_NOTE if withdrawn else None,
        )
        fallback = blocker_dm_fallback(self.rep.name, self.day, text)
        if update_key and refresh_planned(self.session, update_key, text=fallback, blocks=blocks):
            return update_key
        key = blocker_key(
            self.program.id, self.manager.slack_user_id, self.answer.id, self.answer.revision
        )
        envelope = dm_envelope(
            self.session,
            self.program,
            self.manager,
            key,
            DeliveryKind.STANDUP_BLOCKER,
            fallback,
            blocks,
            self.now,
            update_key=update_key,
        )
        queue(self.session, [envelope], now=self.now)
        return update_key or key


def dm_envelope(
    session: Session,
    program: Program,
    to: Person,
    key: str,
    kind: DeliveryKind,
    text: str,
    blocks: list[Block],
    now: datetime,
    *,
    update_key: str | None = None,
) -> Envelope:
    """A DM to `to` about the program's standups, due in their working window; an update to a
    DM already sent goes at once (an edit notifies no one, and a stale one misleads)."""
    window = (
        DmWindow(due=now, end=now + NOW_WINDOW) if update_key
        else dm_window(session=session, program=program, person=to, now=now)
    )
    return Envelope(
        key=key,
        kind=kind,
        workspace_id=program.workspace_id,
        program_id=program.id,
        person_id=to.id,
        channel=to.slack_user_id,
        text=text,
        blocks=blocks,
        due_at=window.due,
        window_end=window.end,
        update_key=update_key,
    )


def open_blockers_by_manager(*, session: Session, program_id: int) -> dict[int | None, int]:
    """How many blockers each manager (person id; None: reps without one) has open."""
    query = (
        select(StandupAnswer.manager_id, func.count())
        .where(
            StandupAnswer.program_id == program_id,
            StandupAnswer.blocker.is_not(None),
            StandupAnswer.blocker_resolved_at.is_(None),
        )
        .group_by(StandupAnswer.manager_id)
    )
    return {manager_id: int(count) for manager_id, count in session.execute(query)}
