"""Moving a program through its life from Slack or the shell: launch welcomes every member once,
pause, end and archive stop what is planned at once, resume sends again. A repeated move (a double
click) changes nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, object_session

from bot.blocks.text import Block
from bot.blocks.welcome import WelcomeFacts, build_welcome_message, welcome_fallback
from bot.domain.kinds import DeliveryKind
from bot.errors import InvalidInput
from bot.services.availability import (
    LOOK_AHEAD,
    dm_window,
    load_absences,
    reachable_from,
)
from bot.services.outbox import Envelope, cancel_planned, delivery_key, queue
from bot.services.plans.contract import contract_of
from bot.services.programs import TRANSITIONS, change_status
from bot.services.standups.schedule import standup_days
from db.models import Delivery, DeliveryStatus, Membership, Person, Program, Role

PAUSED = "program paused"
ENDED = "program ended"
ARCHIVED = "program archived"
# The moves that stop sending, and the reason stored on the messages they cancel.
STOPPED = {"pause": PAUSED, "end": ENDED, "archive": ARCHIVED}


@dataclass(frozen=True)
class Move:
    """What a move did: whether the status changed, welcomes queued, messages cancelled."""

    program: Program
    changed: bool
    welcomed: int = 0
    cancelled: int = 0


def welcome_key(program_id: int, slack_user_id: str) -> str:
    """The one welcome of a member of a program."""
    return delivery_key(DeliveryKind.WELCOME, program_id, slack_user_id, "launch")


def move_program(*, session: Session, program: Program, action: str, now: datetime) -> Move:
    """Launch, pause, resume or end `program`; asking again for the status it has is a no-op."""
    if program.status is TRANSITIONS[action][1]:
        return Move(program=program, changed=False)
    if action == "launch" and not _active_members(session, program):
        raise InvalidInput(f"{program.name} has nobody on its roster yet: load the roster, "
                           "then launch; nothing was sent.")
    change_status(session=session, program=program, action=action)
    if action in ("end", "archive") and program.ended_at is None:
        program.ended_at = now  # retention counts from here
    if action == "launch":
        return Move(program, True, welcomed=queue_welcomes(session=session, program=program,
                                                           now=now))
    if action in STOPPED:
        return Move(program, True, cancelled=cancel_planned(session, reason=STOPPED[action],
                                                            program_id=program.id))
    _reopen_paused(session, program, now)
    return Move(program, True)


def queue_welcomes(*, session: Session, program: Program, now: datetime) -> int:
    """Queue a welcome DM for every active member (once each), in their working window (someone
    out of office gets it on their first working morning back). Returns how many were new."""
    members = _active_members(session, program)
    return queue(session, welcome_envelopes(session, program, members, now), now=now)


def welcome_envelopes(
    session: Session, program: Program, members: Sequence[Membership], now: datetime
) -> list[Envelope]:
    """The welcome of each member, due at the start of their next working window (none for
    someone away for the whole look-ahead: nothing to welcome them into yet)."""
    absences = load_absences(session=session, person_ids=[m.person_id for m in members],
                             first=(now - timedelta(days=1)).date(),
                             last=(now + LOOK_AHEAD).date())
    envelopes = []
    for member in members:
        window = reachable_from(program, member.person, absences, earliest=now,
                                latest=now + LOOK_AHEAD)
        if window is not None:
            envelopes.append(welcome_envelope(program, member, due=window.due,
                                              window_end=window.end))
    return envelopes


def _active_members(session: Session, program: Program) -> list[Membership]:
    query = (
        select(Membership).join(Membership.person)
        .where(Membership.program_id == program.id, Membership.active.is_(True),
               Person.active.is_(True))
        .options(joinedload(Membership.person), joinedload(Membership.manager))
        .order_by(Person.name, Person.id)
    )
    return list(session.scalars(query))


def welcome_message(
    program: Program, roles: frozenset[Role], manager_name: str | None
) -> tuple[str, list[Block]]:
    """The welcome a member holding `roles` gets (fallback text, blocks)."""
    days = standup_days(program)
    facts = WelcomeFacts(
        program_name=program.name, first_standup=days[0].date if days else None,
        standup_days=program.standup_days, standup_time=program.standup_time,
        standup_channel=program.standup_channel, audit_channel=program.audit_channel,
        coaching_due_weekday=program.coaching_due_weekday, manager_name=manager_name,
        contract=_contract(program),
    )
    return welcome_fallback(facts), build_welcome_message(facts, roles)


def _contract(program: Program) -> str | None:
    """The contract reps will sign (read through the program's own session, which every caller
    holds: the welcome's signature stays what the launch and "send me a test" call)."""
    session = object_session(program)
    return None if session is None else contract_of(session=session, program=program).text


def welcome_envelope(
    program: Program, member: Membership, *, due: datetime, window_end: datetime
) -> Envelope:
    """The member's one welcome DM (its key is the same whenever and however it is queued)."""
    person = member.person
    text, blocks = welcome_message(program, member.roles,
                                   member.manager.name if member.manager else None)
    return Envelope(
        key=welcome_key(program.id, person.slack_user_id), kind=DeliveryKind.WELCOME,
        workspace_id=program.workspace_id, program_id=program.id, person_id=person.id,
        channel=person.slack_user_id, text=text, blocks=blocks, due_at=due,
        window_end=window_end,
    )


def _reopen_paused(session: Session, program: Program, now: datetime) -> None:
    """Messages the pause cancelled are planned again: each goes out if its window is still
    open (the dispatcher expires the others); welcomes get a fresh working window."""
    query = select(Delivery).where(
        Delivery.program_id == program.id, Delivery.status == DeliveryStatus.CANCELLED,
        Delivery.error == PAUSED,
    )
    for delivery in session.scalars(query):
        delivery.status, delivery.error = DeliveryStatus.PLANNED, None
        if delivery.kind == DeliveryKind.WELCOME and delivery.person_id is not None:
            window = dm_window(session=session, program=program,
                               person=session.get_one(Person, delivery.person_id),
                               now=max(delivery.due_at, now))
            delivery.due_at, delivery.window_end = window.due, window.end
    session.flush()
