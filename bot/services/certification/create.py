"""Creating a certification from its checked definition (the App Home's form or a YAML file)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.domain.certification.definition import CertificationSpec, spec_problems
from bot.errors import InvalidInput
from bot.services.actor import Actor
from bot.services.certification.policy import ensure_enablement, person_of
from db.models import (
    Certification,
    CertificationQuestion,
    Program,
    ProgramStatus,
    Role,
)


def create_certification(
    *, session: Session, program: Program, spec: CertificationSpec, actor: Actor | None,
    now: datetime,
) -> Certification:
    """Check the definition and the actor's right (None: the shell); add the certification."""
    if actor is not None:
        ensure_enablement(session=session, program=program, actor=actor)
    if program.status in (ProgramStatus.ENDED, ProgramStatus.ARCHIVED):
        raise InvalidInput(f"{program.name} has ended; it takes no new certifications.")
    problems = spec_problems(spec)
    if problems:
        raise InvalidInput("; ".join(f"{field}: {problem}" for field, problem in problems) + ".")
    opens, due = spec.days()
    certification = Certification(
        workspace_id=program.workspace_id, program_id=program.id, name=spec.name.strip(),
        stage=spec.stage, opens_day=opens, due_day=due, attempts=spec.attempts,
        pass_percent=spec.pass_percent, draw=spec.draw, talk_track=spec.talk_track,
        talk_track_minimum=spec.talk_track_minimum, dimensions=list(spec.dimensions),
        reviewer_id=_reviewer(session, program, spec.reviewer),
        created_by=(person.id if actor is not None
                    and (person := person_of(session, program, actor.slack_user_id)) else None),
        created_at=now,
    )
    session.add(certification)
    session.flush()
    session.add_all(
        CertificationQuestion(certification_id=certification.id, position=position,
                              prompt=question.prompt, options=list(question.options),
                              answer=question.answer)
        for position, question in enumerate(spec.questions))
    session.flush()
    return certification


def _reviewer(session: Session, program: Program, slack_user_id: str | None) -> int | None:
    if slack_user_id is None:
        return None
    person = person_of(session, program, slack_user_id)
    member = next((m for m in program.memberships if person is not None
                   and m.person_id == person.id and m.active), None)
    if member is None or not member.roles & {Role.ENABLEMENT, Role.MANAGER}:
        raise InvalidInput(f"reviewer: {slack_user_id} is not on the program's enablement team "
                           "or one of its managers.")
    return member.person_id
