"""Out of office in Slack: the modal (who, first and last day), reading it back, and what the
person who set it is told."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.blocks.text import escape, plain
from bot.domain.out_of_office import MAX_DAYS, Absence, OutOfOfficeOutcome
from bot.ids import CallbackId, SetupField

View = dict[str, Any]
# Where each kind of refusal is shown in the modal.
ERROR_FIELDS = {"person": SetupField.OOO_PERSON, "days": SetupField.OOO_LAST_DAY}


def build_ooo_modal(*, person: str | None, today: date) -> View:
    """Who is away (preset to `person`), from and to which day, both included."""
    who: dict[str, Any] = {"type": "users_select", "action_id": SetupField.OOO_PERSON}
    if person:
        who["initial_user"] = person
    return {
        "type": "modal", "callback_id": CallbackId.OUT_OF_OFFICE, "title": plain("Out of office"),
        "submit": plain("Save"), "close": plain("Cancel"),
        "blocks": [
            _input(SetupField.OOO_PERSON, "Who is away", who),
            _input(SetupField.OOO_FIRST_DAY, "First day away", _day(SetupField.OOO_FIRST_DAY,
                                                                      today)),
            _input(SetupField.OOO_LAST_DAY, "Last day away", _day(SetupField.OOO_LAST_DAY, today),
                   hint=f"Both days included, at most {MAX_DAYS} days, in the person's own "
                        "time zone. Nothing is sent to them on those days."),
        ],
    }


def _day(field: SetupField, today: date) -> dict[str, Any]:
    return {"type": "datepicker", "action_id": field, "initial_date": today.isoformat()}


def _input(field: SetupField, label: str, element: dict[str, Any], *, hint: str = "") -> View:
    block: View = {"type": "input", "block_id": field, "label": plain(label), "element": element}
    return block | ({"hint": plain(hint)} if hint else {})


def read_ooo_form(view: View) -> tuple[str | None, date | None, date | None]:
    """The person chosen and the two days (None where nothing was chosen)."""
    state = view["state"]["values"]

    def picked(field: SetupField, key: str) -> str | None:
        value = (state.get(field, {}).get(field) or {}).get(key)
        return str(value) if value else None

    first, last = (picked(f, "selected_date") for f in (SetupField.OOO_FIRST_DAY,
                                                         SetupField.OOO_LAST_DAY))
    return (picked(SetupField.OOO_PERSON, "selected_user"),
            date.fromisoformat(first) if first else None,
            date.fromisoformat(last) if last else None)


def ooo_set_text(outcome: OutOfOfficeOutcome, *, by_themselves: bool) -> str:
    """What the person who set the days is told."""
    absence = outcome.absence
    assert absence is not None
    who = "You are" if by_themselves else f"{escape(absence.name)} is"
    merged = " (merged with the days already set)" if outcome.merged else ""
    return (f"{who} out of office {describe_range(absence)}{merged}: nothing is sent on those "
            f"days. {outcome.cancelled} planned message(s) cancelled.")


def describe_range(absence: Absence) -> str:
    """Mon 2027-01-11 to Wed 2027-01-13 (3 day(s), Europe/Berlin)."""
    return (f"{absence.first_day:%a %Y-%m-%d} to {absence.last_day:%a %Y-%m-%d} "
            f"({absence.days} day(s), {absence.timezone})")
