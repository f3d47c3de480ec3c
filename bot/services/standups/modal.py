"""What the standup modal opens with: the day, the answer given so far, and its revision; or,
after the rep's local midnight, the closed day to show instead."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from bot.domain.follow_through import EarlierPlan
from bot.domain.kinds import DeliveryKind
from bot.domain.standups.days import StandupDay
from bot.domain.standups.fields import MAX_CHARS, AnswerText
from bot.errors import InvalidInput
from bot.services.standups.dm import dm_to_update
from bot.services.standups.follow import earlier_plan
from bot.services.standups.slots import (
    DayClosed,
    Slot,
    find_slot,
    next_standup_for,
    open_slot_for,
)
from bot.services.standups.turn import StandupTurn
from bot.services.standups.typed_dm import typed_text_for


@dataclass(frozen=True)
class ModalPlan:
    """What the standup modal opens with: the day, the current answer, and its revision."""

    slot: Slot
    initial: AnswerText | None
    revision: int  # 0 for a first answer
    # The rep's DM the answer will show in (see dm_to_update).
    source: DeliveryKind | None = DeliveryKind.STANDUP_PROMPT
    earlier: EarlierPlan | None = None  # the last answered day's activity, asked about first


def plan_modal(
    *,
    session: Session,
    turn: StandupTurn,
    typed_id: int | None = None,
    message: tuple[str, str] | None = None,
) -> ModalPlan:
    """The modal for a day (an edit when an answer exists); the text the rep typed and the bot
    stored as `typed_id` (theirs only) becomes the activity. `message` is the one clicked."""
    slot = find_slot(session=session, turn=turn)
    answer = slot.answer(session)
    answered = answer is not None and not answer.out_today
    initial = AnswerText.of(answer) if answer is not None and answered else None
    if typed_id is not None:
        typed = typed_text_for(session=session, slot=slot, typed_id=typed_id)
        initial = AnswerText(
            typed[:MAX_CHARS],
            initial.win if initial else "",
            initial.blocker if initial else None,
        )
    return ModalPlan(
        slot=slot,
        initial=initial,
        revision=answer.revision if answer is not None and answered else 0,
        source=dm_to_update(session=session, program_id=turn.program_id,
                            slack_user_id=turn.rep_user_id, number=turn.number, message=message),
        earlier=earlier_plan(session, slot),
    )


@dataclass(frozen=True)
class ClosedDay:
    """A day that closed before the rep acted: what to show instead of the modal."""

    day: StandupDay
    next_day: str | None
    text: AnswerText | None  # the answer given that day, if any


def plan_modal_or_closed(
    *,
    session: Session,
    turn: StandupTurn,
    typed_id: int | None = None,
    message: tuple[str, str] | None = None,
) -> ModalPlan | ClosedDay:
    """The modal to open, or the closed day to show (a button after midnight never fails)."""
    try:
        return plan_modal(
            session=session,
            turn=turn,
            typed_id=typed_id,
            message=message,
        )
    except DayClosed as closed:
        answer = closed.slot.answer(session)
        text = AnswerText.of(answer) if answer is not None and not answer.out_today else None
        return ClosedDay(day=closed.slot.day, next_day=closed.next_day, text=text)


def open_modal_for(*, session: Session, slack_user_id: str, now: datetime) -> ModalPlan:
    """The modal of the caller's standup open today (`/kickoff standup`), or a clear error."""
    slot = open_slot_for(session=session, slack_user_id=slack_user_id, now=now)
    if slot is None:
        upcoming = next_standup_for(session=session, slack_user_id=slack_user_id, now=now)
        raise InvalidInput(
            f"No standup is open for you today. Your next one is {upcoming}."
            if upcoming
            else "You have no week-1 standup open or coming."
        )
    return plan_modal(
        session=session,
        turn=StandupTurn(
            program_id=slot.program.id,
            rep_user_id=slack_user_id,
            actor_user_id=slack_user_id,
            number=slot.day.number,
            now=now,
        ),
    )
