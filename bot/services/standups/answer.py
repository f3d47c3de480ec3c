"""Submitting the standup modal: one answer per rep and day, edited in place, posted once."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from sqlalchemy.orm import Session

from bot.domain.kinds import DeliveryKind
from bot.domain.standups.days import StandupDay
from bot.domain.standups.fields import AnswerText, Field, check_text
from bot.errors import KickoffError
from bot.services.standups.blockers import sync_blocker_dm
from bot.services.standups.dm import sent_dm
from bot.services.standups.follow import keep_follow, read_follow
from bot.services.standups.posting import queue_answer_posts, queue_reply_edit
from bot.services.standups.records import (
    cancel_reminder,
    insert_answer,
    is_late,
    must,
    write_answer,
)
from bot.services.standups.slots import Slot, find_slot
from bot.services.standups.turn import StandupTurn
from db.models import StandupAnswer


class Outcome(StrEnum):
    """What a submission did."""

    CREATED = "created"  # the first answer of the day: posted to the channel
    EDITED = "edited"  # an edit from the modal opened on the current answer
    REPLACED = "replaced"  # a second submission (another prompt, another window): an edit
    UNCHANGED = "unchanged"  # the same text again (a double click): nothing to do


@dataclass(frozen=True)
class Submission:
    """The result of submitting the modal: field errors (nothing saved) or the saved answer."""

    errors: dict[Field, str] = field(default_factory=dict)
    follow_error: str | None = None  # the earlier plan's "Done?" left unanswered
    outcome: Outcome | None = None
    day: StandupDay | None = None
    text: AnswerText | None = None
    channel: str = ""
    notes: list[str] = field(default_factory=list)
    dm_message: tuple[str, str] | None = None  # (channel id, ts) of the rep's DM to update


def submit_answer(
    *,
    session: Session,
    turn: StandupTurn,
    raw: dict[Field, str | None],
    opened_revision: int,
    source: DeliveryKind | None = DeliveryKind.STANDUP_PROMPT,
    follow: object = None,
) -> Submission:
    """Check and save an answer, queue its posts; at most one answer per rep and day.

    `source` picks which of the rep's own stored DMs of the day (prompt or reminder) shows the
    answer; the message itself always comes from the database. `follow` is the rep's yes /
    partly / no about the activity of their last answered day, required from Day 2.
    """
    try:
        slot = find_slot(session=session, turn=turn)
    except KickoffError as error:
        return Submission(errors={Field.ACTIVITY: str(error)})
    text, errors = check_text(raw)
    checked_follow, follow_error = read_follow(session, slot, follow)
    if text is None or follow_error is not None:
        return Submission(errors=errors, follow_error=follow_error)
    answer, outcome, before = _save(session, slot, text, opened_revision, turn.now)
    keep_follow(answer, checked_follow)
    if outcome is not Outcome.UNCHANGED:
        _publish(session, slot, answer, outcome, before, turn.now)
    return Submission(
        outcome=outcome,
        day=slot.day,
        text=AnswerText.of(answer),
        channel=slot.program.standup_channel,
        notes=_notes(slot, answer, outcome),
        dm_message=_dm_message(session, slot, source),
    )


def _save(
    session: Session, slot: Slot, text: AnswerText, opened_revision: int, now: datetime
) -> tuple[StandupAnswer, Outcome, str | None]:
    """The answer after saving `text`, what that did, and the blocker it had before."""
    existing = slot.answer(session)
    if existing is None:
        if insert_answer(session, slot, now, text=text):
            return must(slot.answer(session)), Outcome.CREATED, None
        existing = must(slot.answer(session))  # a concurrent first answer won the race
    if existing.out_today:
        write_answer(
            session,
            existing,
            text,
            now,
            values={"out_today": False, "answered_at": now, "late": is_late(slot, now)},
        )
        return existing, Outcome.CREATED, None
    if AnswerText.of(existing) == text:
        return existing, Outcome.UNCHANGED, existing.blocker
    before = existing.blocker
    write_answer(session, existing, text, now, values={})
    outcome = Outcome.EDITED if opened_revision == existing.revision - 1 else Outcome.REPLACED
    return existing, outcome, before


def _publish(
    session: Session,
    slot: Slot,
    answer: StandupAnswer,
    outcome: Outcome,
    before: str | None,
    now: datetime,
) -> None:
    person, program, day = slot.member.person, slot.program, slot.day
    if outcome is Outcome.CREATED:
        queue_answer_posts(session, program=program, person=person, day=day, answer=answer, now=now)
    else:
        queue_reply_edit(session, program=program, person=person, day=day, answer=answer, now=now)
    sync_blocker_dm(
        session, program=program, member=slot.member, day=day, answer=answer, before=before, now=now
    )
    cancel_reminder(session, slot)


def _notes(slot: Slot, answer: StandupAnswer, outcome: Outcome) -> list[str]:
    notes = []
    if outcome is Outcome.REPLACED:
        notes.append(
            f"You had already answered {slot.day.label} (from another prompt or "
            "window), so this replaced that answer: the channel post is edited, "
            "not repeated."
        )
    if outcome is Outcome.UNCHANGED:
        notes.append(
            f"You had already posted exactly this for {slot.day.label}, so nothing "
            "changed and nothing was posted twice."
        )
    if answer.blocker and slot.member.manager_id is None:
        notes.append(
            "You have no manager in this program, so your blocker is only in the "
            "channel thread. Tell your kickoff admin."
        )
    return notes


def _dm_message(
    session: Session, slot: Slot, source: DeliveryKind | None
) -> tuple[str, str] | None:
    # Not one of the rep's stored DMs (the reply to a typed DM): the prompt shows the answer.
    return sent_dm(session=session, program_id=slot.program.id,
                   slack_user_id=slot.member.person.slack_user_id, number=slot.day.number,
                   kind=source or DeliveryKind.STANDUP_PROMPT)
