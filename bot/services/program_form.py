"""The program modal: its values checked with the shell's rules (ProgramSpec), every error named
by the field it belongs to, then the program created or edited exactly as the shell does it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import ValidationError
from sqlalchemy.orm import Session

from bot.domain.program_spec import ProgramSpec, build_spec
from bot.errors import InvalidField, InvalidInput
from bot.services.actor import Actor
from bot.services.programs import create_program, edit_program
from bot.services.roster_csv import iana_zone
from bot.services.setup.policy import REFUSAL, may_create, program_to_edit
from bot.services.workspaces import ensure_workspace
from db.models import Program, Workspace

HOLIDAY_SEPARATORS = re.compile(r"[\s,;]+")
# The one rule about two fields at once (ProgramSpec's model validator) is shown at this field.
CROSS_FIELD = "reminder_time"


@dataclass(frozen=True)
class ProgramFormResult:
    """The program saved, or the errors by field name (nothing saved)."""

    program: Program | None = None
    errors: dict[str, str] = field(default_factory=dict)
    created: bool = False  # a new draft, not an edit


def prepare_values(raw: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The modal's raw values in the shapes ProgramSpec validates (holidays typed as text, a
    time zone typed in any case), and the errors found on the way."""
    values = dict(raw)
    errors: dict[str, str] = {}
    if isinstance(values.get("timezone"), str):
        values["timezone"] = iana_zone(values["timezone"]) or values["timezone"].strip()
    if "holidays" in values:
        try:
            values["holidays"] = _holidays(str(values["holidays"]))
        except InvalidInput as refusal:
            errors["holidays"] = str(refusal)
            del values["holidays"]
    return values, errors


def _holidays(text: str) -> list[date]:
    """Dates typed one per line (or separated by commas); InvalidInput names the first bad one."""
    days: list[date] = []
    for token in HOLIDAY_SEPARATORS.split(text):
        if not token:
            continue
        try:
            days.append(date.fromisoformat(token))
        except ValueError:
            raise InvalidInput(f"{token!r} is not a date like 2027-01-31") from None
    return days


def field_errors(values: dict[str, Any]) -> dict[str, str]:
    """Every field ProgramSpec refuses, with the shell's message (first error per field)."""
    try:
        ProgramSpec.model_validate(values)
    except ValidationError as exc:
        errors: dict[str, str] = {}
        for error in exc.errors():
            name = str(error["loc"][0]) if error["loc"] else CROSS_FIELD
            errors.setdefault(name, str(error["msg"]).removeprefix("Value error, "))
        return errors
    return {}


def check_program_form(raw: dict[str, Any], *, today: date) -> dict[str, str]:
    """The errors of the modal's values that need neither the database nor Slack (every field
    at once, then a program whose 30 days are already over)."""
    values, errors = prepare_values(raw)
    errors = field_errors(values) | errors
    if not errors:
        try:
            build_spec(values, today=today)
        except InvalidField as refusal:
            errors[refusal.field] = refusal.message
    return errors


def submit_program_form(
    *, session: Session, actor: Actor, team_id: str, team_name: str, program_id: int | None,
    raw: dict[str, Any], today: date,
) -> ProgramFormResult:
    """The modal submitted by `actor`: a new draft when it names no program, else an edit of
    that one, each only if setup's policy allows (a refusal is the name field's error)."""
    if program_id is None:
        if not may_create(session=session, actor=actor):
            return ProgramFormResult(errors={"name": REFUSAL})
        workspace = ensure_workspace(session=session, team_id=team_id, name=team_name)
        result = save_program_form(session=session, workspace=workspace, program=None, raw=raw,
                                   today=today)
        return ProgramFormResult(program=result.program, errors=result.errors,
                                 created=result.program is not None)
    found = program_to_edit(session=session, program_id=program_id, actor=actor)
    if isinstance(found, str):
        return ProgramFormResult(errors={"name": found})
    return save_program_form(session=session, workspace=session.get_one(Workspace,
                             found.workspace_id), program=found, raw=raw, today=today)


def save_program_form(
    *, session: Session, workspace: Workspace, program: Program | None,
    raw: dict[str, Any], today: date,
) -> ProgramFormResult:
    """Create a draft program (or edit `program`) from the modal's values, or say what is wrong.

    The shell's services do the saving, so the rules and messages are the shell's; a refusal
    they raise ("name: ... already exists") is returned as the error of that field.
    """
    errors = check_program_form(raw, today=today)
    if errors:
        return ProgramFormResult(errors=errors)
    values, _ = prepare_values(raw)
    savepoint = session.begin_nested()
    try:
        if program is None:
            program = create_program(session=session, workspace=workspace, values=values,
                                     today=today)
        else:
            edit_program(session=session, program=program, changes=values, today=today)
    except InvalidInput as refusal:
        savepoint.rollback()
        return ProgramFormResult(errors=dict([_field_of(str(refusal))]))
    savepoint.commit()
    return ProgramFormResult(program=program)


def _field_of(refusal: str) -> tuple[str, str]:
    """The field a service's "field: message" refusal is about (else the name's)."""
    name, _, message = refusal.partition(": ")
    return (name, message) if name in ProgramSpec.model_fields else ("name", refusal)
