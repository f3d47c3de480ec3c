"""Creating, finding, editing and moving programs through their life (draft to archived)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.program_spec import apply_spec, build_spec, spec_of
from bot.errors import InvalidField, InvalidInput, NotFound
from db.models import Program, ProgramStatus, Workspace

# action -> (statuses it may start from, status it leads to)
TRANSITIONS: dict[str, tuple[frozenset[ProgramStatus], ProgramStatus]] = {
    "launch": (frozenset({ProgramStatus.DRAFT}), ProgramStatus.ACTIVE),
    "pause": (frozenset({ProgramStatus.ACTIVE}), ProgramStatus.PAUSED),
    "resume": (frozenset({ProgramStatus.PAUSED}), ProgramStatus.ACTIVE),
    "end": (
        frozenset({ProgramStatus.DRAFT, ProgramStatus.ACTIVE, ProgramStatus.PAUSED}),
        ProgramStatus.ENDED,
    ),
    # Drafts never launched and test programs are put away; they never send again.
    "archive": (frozenset({ProgramStatus.DRAFT, ProgramStatus.ENDED}), ProgramStatus.ARCHIVED),
}


def create_program(
    *, session: Session, workspace: Workspace, values: dict[str, Any], today: date
) -> Program:
    """Create a draft program from `values` (nothing is sent until it is launched)."""
    spec = build_spec(values, today=today)
    _ensure_name_free(session, workspace.id, spec.name, except_id=None)
    program = Program(workspace_id=workspace.id, status=ProgramStatus.DRAFT)
    apply_spec(program, spec)
    session.add(program)
    session.flush()
    return program


def edit_program(
    *, session: Session, program: Program, changes: dict[str, Any], today: date
) -> Program:
    """Change some settings of `program`, validating the result as a whole."""
    if program.status is ProgramStatus.ENDED:
        raise InvalidInput(
            f"Program {program.name!r} has ended; its settings are kept as they were."
        )
    values = spec_of(program).model_dump() | changes
    spec = build_spec(values, today=today)
    _ensure_name_free(session, program.workspace_id, spec.name, except_id=program.id)
    apply_spec(program, spec)
    session.flush()
    return program


def change_status(*, session: Session, program: Program, action: str) -> Program:
    """Launch, pause, resume, end or archive `program`, refusing moves that make no sense."""
    allowed_from, target = TRANSITIONS[action]
    if program.status not in allowed_from:
        raise InvalidInput(f"Program {program.name!r} is {program.status}; it cannot {action}.")
    program.status = target
    session.flush()
    return program


def list_programs(*, session: Session, workspace: Workspace) -> list[Program]:
    """Every program of the workspace, newest kickoff first."""
    query = (
        select(Program)
        .where(Program.workspace_id == workspace.id)
        .order_by(Program.kickoff_date.desc(), Program.id.desc())
    )
    return list(session.scalars(query))


def find_program(*, session: Session, workspace: Workspace, ref: str) -> Program:
    """The program named `ref`, or with id `ref` (`#2` is always the id, so a program named
    "2" cannot hide program 2: a bare number that would name both is refused)."""
    query = select(Program).where(Program.workspace_id == workspace.id)
    if ref.startswith("#") and ref[1:].isdigit():
        by_id = session.scalars(query.where(Program.id == int(ref[1:]))).first()
        if by_id is None:
            raise NotFound(f"No program has the id {ref[1:]} (see `kickoff-bot program list`).")
        return by_id
    by_name = session.scalars(query.where(Program.name == ref)).first()
    by_id = session.scalars(query.where(Program.id == int(ref))).first() if ref.isdigit() else None
    if by_name is not None and by_id is not None and by_name.id != by_id.id:
        raise InvalidInput(f"{ref!r} is both the name of program #{by_name.id} and the id of "
                           f"{by_id.name!r}: write #{by_name.id} or #{by_id.id}.")
    found = by_name or by_id
    if found is None:
        raise NotFound(f"No program named {ref!r} (see `kickoff-bot program list`).")
    return found


def describe_program(program: Program) -> dict[str, Any]:
    """The program as plain JSON-ready data (`program show --json`)."""
    spec = spec_of(program)
    return {"id": program.id, "status": str(program.status)} | spec.model_dump(mode="json")


def _ensure_name_free(
    session: Session, workspace_id: int, name: str, except_id: int | None
) -> None:
    if name.startswith("#") and name[1:].isdigit():
        raise InvalidField("name", f"{name!r} reads as a program id; choose another name")
    query = select(Program.id).where(Program.workspace_id == workspace_id, Program.name == name)
    existing = session.scalars(query).first()
    if existing is not None and existing != except_id:
        raise InvalidField("name", f"a program named {name!r} already exists")
