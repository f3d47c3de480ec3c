"""Input blocks of the log modal (and the calibration modals, which reuse them): the block_id and
action_id of each are its field id (a CoachingField, a CalibrationField)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from bot.blocks.text import Block, plain


def _input(field: StrEnum, label: str, element: dict[str, Any], optional: bool) -> Block:
    return {
        "type": "input", "block_id": field.value, "label": plain(label), "optional": optional,
        "element": element | {"action_id": field.value},
    }


def date_input(field: StrEnum, label: str, initial: date | None) -> Block:
    """A required date picker."""
    element: dict[str, Any] = {"type": "datepicker"}
    if initial is not None:
        element["initial_date"] = initial.isoformat()
    return _input(field, label, element, optional=False)


def text_input(
    field: StrEnum, label: str, initial: str | None, *, limit: int, optional: bool = False
) -> Block:
    """A multi-line text input of at most `limit` characters."""
    element: dict[str, Any] = {"type": "plain_text_input", "multiline": True, "max_length": limit}
    if initial:
        element["initial_value"] = initial
    return _input(field, label, element, optional=optional)


def url_input(
    field: StrEnum, label: str, initial: str | None, *, optional: bool = True
) -> Block:
    """A link (optional unless said)."""
    element: dict[str, Any] = {"type": "url_text_input"}
    if initial:
        element["initial_value"] = initial
    return _input(field, label, element, optional=optional)


def number_input(
    field: StrEnum, label: str, initial: int | None, bounds: tuple[int, int]
) -> Block:
    """A required whole number from bounds[0] to bounds[1]."""
    element: dict[str, Any] = {
        "type": "number_input", "is_decimal_allowed": False, "min_value": str(bounds[0]),
        "max_value": str(bounds[1]),
    }
    if initial is not None:
        element["initial_value"] = str(initial)
    return _input(field, label, element, optional=False)


def options_input(
    field: StrEnum, label: str, options: dict[str, str], initial: str | None, *,
    radio: bool = False,
) -> Block:
    """A required choice among `options` (value -> label), as radio buttons or a select."""
    choices = [{"text": plain(text), "value": value} for value, text in options.items()]
    element: dict[str, Any] = {"type": "radio_buttons" if radio else "static_select",
                               "options": choices}
    if not radio:
        element["placeholder"] = plain("Choose")
    if initial in options:
        element["initial_option"] = next(c for c in choices if c["value"] == initial)
    return _input(field, label, element, optional=False)
