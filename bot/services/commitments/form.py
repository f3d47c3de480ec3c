"""What the commitment modal opens with: the program's cadence (kept), the weeks a manager may
add sessions in, the program's metrics, and what the manager committed to so far."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.coaching.cadence import CADENCE_ORDER
from bot.domain.commitments import Added, CadenceWeeks, CommitmentForm, parse_added
from bot.errors import NotAllowed, NotFound
from bot.services.coaching.occurrences import occurrences
from bot.services.commitments.managers import coaching_manager
from bot.services.metrics.catalogue import enabled_metrics
from bot.services.program_weeks import calendar_of
from db.models import ManagerCommitment, Program

NOT_A_MANAGER = "Only a manager coaching reps in this program writes a commitment for it."


def program_sessions(program: Program) -> Added:
    """The (cadence, week) of every session the program's cadence holds."""
    return frozenset((o.cadence, o.week) for o in occurrences(program))


def offered_weeks(program: Program) -> tuple[int, ...]:
    """The program weeks a session may be added in: its coaching weeks."""
    return tuple(week.number for week in calendar_of(program).coaching_weeks)


def commitment_of(
    *, session: Session, program_id: int, manager_id: int
) -> ManagerCommitment | None:
    """The manager's commitment in the program, if written."""
    return session.scalars(select(ManagerCommitment).where(
        ManagerCommitment.program_id == program_id, ManagerCommitment.manager_id == manager_id
    )).first()


def commitment_form(*, session: Session, program_id: int, slack_user_id: str) -> CommitmentForm:
    """The form of the manager with this Slack id (NotAllowed for anyone else)."""
    program = session.get(Program, program_id)
    if program is None:
        raise NotFound("That program no longer exists.")
    manager = coaching_manager(session=session, program_id=program_id,
                               slack_user_id=slack_user_id)
    if manager is None:
        raise NotAllowed(NOT_A_MANAGER)
    saved = commitment_of(session=session, program_id=program_id, manager_id=manager.id)
    chosen = program_sessions(program) | (parse_added(saved.added_sessions) if saved else set())
    offered = offered_weeks(program)
    cadences = tuple(
        CadenceWeeks(cadence,
                     tuple(sorted(w for c, w in program_sessions(program) if c is cadence)),
                     offered, tuple(sorted(w for c, w in chosen if c is cadence)))
        for cadence in CADENCE_ORDER
    )
    metrics = tuple((m.key, m.name) for m in enabled_metrics(session=session,
                                                             program_id=program_id))
    return CommitmentForm(program=program, manager=manager, cadences=cadences, metrics=metrics,
                          metric=saved.metric_key if saved else None,
                          revision=saved.revision if saved else 0)


def commitment_shown(*, session: Session, program_id: int, slack_user_id: str
                     ) -> CommitmentForm | None:
    """The manager's commitment form for their App Home (None for anyone not coaching reps)."""
    try:
        return commitment_form(session=session, program_id=program_id,
                               slack_user_id=slack_user_id)
    except NotAllowed:
        return None
