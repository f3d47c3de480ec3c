"""Rubric calibration: enablement starts one (a recorded call and a closing date), every manager
of the program is asked by DM in their working window to score it privately, and each manager
saves their own five scores until it closes."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.blocks.calibration import build_request_message, request_fallback
from bot.domain.coaching.log_form import LINK_LIMIT, SCORE_FIELDS
from bot.domain.kinds import DeliveryKind
from bot.domain.lifecycle import WHENEVER_RUNNING, phase
from bot.domain.local_time import end_of_local_day
from bot.domain.tiers.calibration import closing_day
from bot.errors import InvalidField, NotAllowed, NotFound
from bot.ids import CalibrationField, CoachingField
from bot.services.actor import Actor
from bot.services.availability import dm_window
from bot.services.outbox import Envelope, delivery_key, queue
from bot.services.tiers.access import ensure_enablement
from db.models import (
    Calibration,
    CalibrationScore,
    Membership,
    MembershipRole,
    Person,
    Program,
    Role,
)

LONGEST = timedelta(days=60)  # a calibration is a norming round, not a standing survey
STARTING = "start a calibration"


def start_calibration(
    *, session: Session, program_id: int, actor: Actor, call_link: str, closes_on: str,
    now: datetime,
) -> Calibration:
    """Open a calibration of `call_link` until the end of `closes_on` (the program's day) and
    queue each manager's request; a bad input raises InvalidField naming it."""
    program = calibrating_program(session=session, program_id=program_id, actor=actor, now=now)
    link = call_link.strip()
    if not link.startswith(("https://", "http://")) or " " in link or len(link) > LINK_LIMIT:
        raise InvalidField(CalibrationField.CALL_LINK, "Paste the recorded call's link.")
    try:
        closes = end_of_local_day(datetime.fromisoformat(closes_on).date(), program.timezone)
    except ValueError:
        raise InvalidField(CalibrationField.CLOSES_ON, "Choose a date.") from None
    if not now < closes <= now + LONGEST:
        raise InvalidField(CalibrationField.CLOSES_ON, "Choose a day from today to 60 days on.")
    calibration = Calibration(program_id=program.id, call_link=link, closes_at=closes,
                              started_by_id=_person_id(session, actor), created_at=now)
    session.add(calibration)
    session.flush()
    queue(session, [_request(session, calibration, manager, now)
                    for manager in program_managers(session=session, program_id=program.id)],
          now=now)
    return calibration


def calibrating_program(
    *, session: Session, program_id: int, actor: Actor, now: datetime
) -> Program:
    """The program the actor may start a calibration of now (enablement, from its launch until
    it ends); anyone else is refused."""
    program = session.get(Program, program_id)
    if program is None:
        raise NotFound("That program no longer exists.")
    ensure_enablement(session=session, program=program, actor=actor, what=STARTING)
    if phase(program, now) not in WHENEVER_RUNNING:
        raise NotAllowed(f"{program.name} is {phase(program, now)}: calibrations run from its "
                         "launch (the pre-event phase) until it ends.")
    return program


def program_managers(*, session: Session, program_id: int) -> list[Person]:
    """The program's active managers, by name."""
    return list(session.scalars(
        select(Person).join(Membership, Membership.person_id == Person.id)
        .join(MembershipRole, MembershipRole.membership_id == Membership.id)
        .where(Membership.program_id == program_id, Membership.active.is_(True),
               Person.active.is_(True), MembershipRole.role == Role.MANAGER)
        .order_by(Person.name, Person.id)))


def scoring_form(
    *, session: Session, calibration_id: int, actor: Actor, now: datetime
) -> tuple[Calibration, Person, CalibrationScore | None]:
    """The open calibration a manager of its program scores, them, and their earlier scores."""
    calibration = session.get(Calibration, calibration_id)
    if calibration is None:
        raise NotFound("That calibration no longer exists.")
    manager = next((person for person in program_managers(
        session=session, program_id=calibration.program_id)
        if person.slack_user_id == actor.slack_user_id), None)
    if manager is None:
        raise NotAllowed("Only the program's managers score its calibrations.")
    if now >= calibration.closes_at:
        raise NotAllowed("This calibration has closed: your scores can no longer change.")
    return calibration, manager, own_scores(session=session, calibration_id=calibration.id,
                                            manager_id=manager.id)


def record_scores(
    *, session: Session, calibration_id: int, actor: Actor,
    values: Mapping[CoachingField, str | None], now: datetime,
) -> dict[str, str]:
    """Save the manager's five scores (again: replaced); returns the errors per input, if any."""
    calibration, manager, earlier = scoring_form(session=session, calibration_id=calibration_id,
                                                 actor=actor, now=now)
    scores = {field.value: (values.get(field) or "").strip() for field in SCORE_FIELDS}
    errors = {name: "Choose a score from 1 to 5." for name, raw in scores.items()
              if raw not in {"1", "2", "3", "4", "5"}}
    if errors:
        return errors
    row = earlier or CalibrationScore(calibration_id=calibration.id,
                                      program_id=calibration.program_id, manager_id=manager.id)
    for name, raw in scores.items():
        setattr(row, name, int(raw))
    row.scored_at = now
    session.add(row)
    session.flush()
    return {}


def own_scores(
    *, session: Session, calibration_id: int, manager_id: int
) -> CalibrationScore | None:
    """The manager's scores of a calibration, if they gave any."""
    return session.scalars(select(CalibrationScore).where(
        CalibrationScore.calibration_id == calibration_id,
        CalibrationScore.manager_id == manager_id)).first()


def _request(
    session: Session, calibration: Calibration, manager: Person, now: datetime
) -> Envelope:
    program = calibration.program
    window = dm_window(session=session, program=program, person=manager, now=now)
    closes_on = closing_day(calibration.closes_at, program.timezone)
    return Envelope(
        key=delivery_key(DeliveryKind.CALIBRATION_REQUEST, program.id, manager.id,
                         calibration.id),
        kind=DeliveryKind.CALIBRATION_REQUEST, workspace_id=program.workspace_id,
        program_id=program.id, person_id=manager.id, channel=manager.slack_user_id,
        text=request_fallback(program.name),
        blocks=build_request_message(calibration.id, program.name, calibration.call_link,
                                     closes_on),
        due_at=window.due, window_end=window.end,
    )


def _person_id(session: Session, actor: Actor) -> int | None:
    return session.scalars(select(Person.id).where(
        Person.slack_user_id == actor.slack_user_id)).first()

