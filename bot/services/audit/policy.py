"""The audit's policy: who may read it on demand (leaders and admins of a program, and kickoff
admins)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.blocks.text import escape
from bot.errors import NotAllowed, NotFound
from bot.services.actor import Actor, memberships_of
from db.models import Program, ProgramStatus, Role

READERS = frozenset({Role.LEADER, Role.ADMIN})
REFUSAL = (
    "The coaching audit is for the leaders and admins of a kickoff program, so it is not shown "
    "to you. It is posted every Monday in the program's audit channel."
)


def audit_program_for(*, session: Session, actor: Actor, ref: str | None) -> Program:
    """The program whose audit the actor asked for (`ref`: its name or id; none: their
    newest active one), if they lead or administer it; otherwise NotAllowed or NotFound."""
    if actor.is_kickoff_admin:
        programs = list(session.scalars(
            select(Program).order_by(Program.kickoff_date.desc(), Program.id.desc())
        ))
    else:
        programs = [
            member.program
            for member in memberships_of(session=session, slack_user_id=actor.slack_user_id)
            if member.roles & READERS
        ]
    if not programs:
        raise NotAllowed(REFUSAL)
    return _pick(programs, ref)


def _pick(programs: list[Program], ref: str | None) -> Program:
    if ref:
        key = ref.strip().lower()
        for program in programs:
            if key in (program.name.lower(), str(program.id)):
                return program
        raise NotFound(f"You do not lead or administer a program called {escape(ref)!r}.")
    active = [program for program in programs if program.status is ProgramStatus.ACTIVE]
    return (active or programs)[0]
