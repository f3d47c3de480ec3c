"""The program modal's values checked with the shell's rules: every error at once, each with
the message the shell gives for it; saving through the shell's own services."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.domain.program_spec import build_spec
from bot.errors import InvalidInput
from bot.services.program_form import check_program_form, save_program_form
from tests.databases import Database
from tests.factories import make_program, make_workspace

TODAY = date(2027, 1, 4)
VALID: dict[str, Any] = {
    "name": "FY27 Kickoff", "kickoff_date": "2027-01-11", "standup_channel": "CSALES",
    "audit_channel": "CLEAD", "timezone": "Europe/Berlin", "holidays": "",
}
BROKEN = {"event_days": "3", "timezone": "Europe/Atlantis", "standup_channel": "#sales",
          "working_days": [], "standup_days": "0"}


def shell_message(field: str, value: Any) -> str:
    """What the shell says about this one wrong value ("field: message" without the field)."""
    with pytest.raises(InvalidInput) as refusal:
        build_spec(VALID | {"holidays": []} | {field: value}, today=TODAY)
    return str(refusal.value).removeprefix(f"{field}: ")


def test_every_wrong_field_is_named_at_once_with_the_shells_message() -> None:
    errors = check_program_form(VALID | BROKEN, today=TODAY)
    assert errors == {field: shell_message(field, value) for field, value in BROKEN.items()}


def test_holidays_are_typed_as_text_and_a_time_zone_in_any_case() -> None:
    assert check_program_form(VALID | {"holidays": "2027-01-18\n2027-02-15, 2027-03-01",
                                       "timezone": "europe/BERLIN"}, today=TODAY) == {}
    assert check_program_form(VALID | {"holidays": "2027-01-18 18/01/2027"}, today=TODAY) == {
        "holidays": "'18/01/2027' is not a date like 2027-01-31"}


def test_a_program_already_over_is_refused_without_the_database() -> None:
    # Checked before the modal's ack, so the error stands at the kickoff date.
    assert check_program_form(VALID | {"kickoff_date": "2026-10-05"}, today=TODAY) == {
        "kickoff_date": "the 30 days after 2026-10-05 ended on 2026-11-04"}


def test_saving_refuses_a_taken_name_and_a_program_already_over(database: Database) -> None:
    with database.session_factory.begin() as session:
        workspace = make_workspace(session)
        make_program(session, workspace, name="FY27 Kickoff")
        taken = save_program_form(session=session, workspace=workspace, program=None,
                                  raw=VALID, today=TODAY)
        over = save_program_form(session=session, workspace=workspace, program=None,
                                 raw=VALID | {"name": "Old", "kickoff_date": "2026-10-05"},
                                 today=TODAY)
        saved = save_program_form(session=session, workspace=workspace, program=None,
                                  raw=VALID | {"name": "FY28", "holidays": "2027-01-18"},
                                  today=TODAY)
    assert taken.errors == {"name": "a program named 'FY27 Kickoff' already exists"}
    assert over.errors == {"kickoff_date": "the 30 days after 2026-10-05 ended on 2026-11-04"}
    assert saved.program is not None
    assert (saved.program.name, saved.program.holidays) == ("FY28", ["2027-01-18"])
