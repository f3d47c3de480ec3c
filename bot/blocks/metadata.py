"""Reading back what kickoff-bot put in a modal's private_metadata or a button's value.

Slack returns these verbatim, but a payload can be forged: anything that is not one of ours is
refused with a clear message (InvalidInput, shown to the person at once), and what a well-formed
value names is still checked against the database by the service that uses it.
"""

from __future__ import annotations

import json
from enum import Enum
from typing import Any, TypeVar

from bot.errors import InvalidInput

FORGED = (
    "That form or button is not one kickoff-bot made, so nothing was changed. "
    "Open it again from kickoff-bot."
)
E = TypeVar("E", bound=Enum)


def read_metadata(raw: object, *keys: str) -> dict[str, Any]:
    """The JSON object `raw` holds, with at least `keys`."""
    try:
        data = json.loads(raw) if isinstance(raw, str) else None
    except ValueError:
        data = None
    if not isinstance(data, dict) or not set(keys) <= data.keys():
        raise InvalidInput(FORGED)
    return data


def read_int(value: object) -> int:
    """A non-negative integer (a database id, a revision): an int or a string of digits."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)
    raise InvalidInput(FORGED)


def read_member(kind: type[E], value: object) -> E:
    """The member of `kind` whose value `value` is."""
    for member in kind:
        if member.value == value:
            return member
    raise InvalidInput(FORGED)
