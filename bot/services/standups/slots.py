"""A rep's standup day as something they can act on: who may, and whether it is still open."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from bot.domain.standups.days import DayState, StandupDay
from bot.errors import InvalidInput, KickoffError, NotAllowed, NotFound
from bot.services.actor import memberships_of
from bot.services.standups.policy import ensure_own_standup
from bot.services.standups.reps import answer_of, is_taking_part, rep_membership
from bot.services.standups.schedule import next_day_for, standup_day, standup_days, state_of
from bot.services.standups.turn import StandupTurn
from db.models import Membership, Program, ProgramStatus, StandupAnswer


class DayClosed(KickoffError):
    """The rep's local day is over: nothing can be added or changed any more."""

    def __init__(self, slot: Slot, next_day: str | None) -> None:
        super().__init__(f"{slot.day.label} closed at midnight your time, so nothing was saved.")
        self.slot = slot
        self.next_day = next_day


@dataclass(frozen=True)
class Slot:
    """One rep's Day N in one program."""

    program: Program
    member: Membership
    day: StandupDay

    @property
    def tz(self) -> str:
        """The rep's time zone, in which the day opens and closes."""
        return self.member.person.timezone

    def answer(self, session: Session) -> StandupAnswer | None:
        """The rep's answer to this day, if any."""
        return answer_of(
            session=session,
            program_id=self.program.id,
            person_id=self.member.person_id,
            number=self.day.number,
        )


def find_slot(*, session: Session, turn: StandupTurn) -> Slot:
    """The day a button or modal is about, if the actor may answer it now (else a clear error)."""
    ensure_own_standup(turn)
    member = rep_membership(session=session, program_id=turn.program_id,
                            slack_user_id=turn.rep_user_id)
    program = session.get(Program, turn.program_id)
    if member is None or program is None:
        raise NotFound("You are not a rep in this kickoff program.")
    if program.status is not ProgramStatus.ACTIVE:
        raise NotAllowed(
            f"{program.name} is {program.status}, so its standups are not running "
            "right now; nothing was saved."
        )
    if not is_taking_part(member):
        raise NotAllowed(
            f"You are no longer in the standups of {program.name}, so nothing was "
            "saved. Ask your kickoff admin if that is a mistake."
        )
    day = standup_day(program, turn.number)
    if day is None:
        raise NotFound(f"{program.name} has no standup day {turn.number}.")
    slot = Slot(program=program, member=member, day=day)
    state = state_of(day, slot.tz, turn.now)
    if state is DayState.CLOSED:
        raise DayClosed(slot, describe_next_day(program, slot.tz, turn.now))
    if state is DayState.NOT_YET:
        raise InvalidInput(f"{day.label} opens on {day.date:%a %d %b} in your time zone.")
    return slot


def describe_next_day(program: Program, tz: str, now: datetime) -> str | None:
    """The next day as people read it ("Day 3 of 5 on Mon 15 Mar at 09:00 your time")."""
    day = next_day_for(program, tz, now)
    if day is None:
        return None
    return f"{day.label} on {day.date:%a %d %b} at {program.standup_time:%H:%M} your time"


def open_slot_for(*, session: Session, slack_user_id: str, now: datetime) -> Slot | None:
    """The caller's standup open right now, in any program (the newest kickoff first)."""
    for member in memberships_of(session=session, slack_user_id=slack_user_id):
        if not is_taking_part(member):
            continue
        for day in standup_days(member.program):
            if state_of(day, member.person.timezone, now) is DayState.OPEN:
                return Slot(program=member.program, member=member, day=day)
    return None


def next_standup_for(*, session: Session, slack_user_id: str, now: datetime) -> str | None:
    """The caller's next standup still to come, as people read it; None if there is none."""
    for member in memberships_of(session=session, slack_user_id=slack_user_id):
        if is_taking_part(member):
            upcoming = describe_next_day(member.program, member.person.timezone, now)
            if upcoming is not None:
                return upcoming
    return None
