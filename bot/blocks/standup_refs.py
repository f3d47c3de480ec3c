"""What standup buttons and modals carry: which program, rep and day they are about.

Slack sends these back verbatim; handlers check them against the user who acted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from bot.errors import InvalidInput

MAX_VALUE = 2000  # Slack's limit on a button value
MAX_METADATA = 3000  # Slack's limit on a view's private_metadata


@dataclass(frozen=True)
class DayRef:
    """A button about Day `number` of a program for one rep; `prefill` seeds the activity."""

    program_id: int
    rep_user_id: str
    number: int
    prefill: str | None = None

    def to_value(self) -> str:
        """The button value, the prefill cut so the whole value fits Slack's limit."""
        base = {"p": self.program_id, "r": self.rep_user_id, "d": self.number}
        if not self.prefill:
            return _dumps(base)
        prefill = self.prefill
        value = _dumps(base | {"a": prefill})
        while len(value) > MAX_VALUE:  # each character cut shortens the value by at least one
            prefill = prefill[: len(prefill) - (len(value) - MAX_VALUE)]
            value = _dumps(base | {"a": prefill})
        return value

    @classmethod
    def from_value(cls, value: str) -> DayRef:
        """Parse a button value (InvalidInput if it is not one of ours)."""
        data = _loads(value)
        prefill = data.get("a")
        return cls(
            int(data["p"]),
            str(data["r"]),
            int(data["d"]),
            str(prefill) if prefill is not None else None,
        )


@dataclass(frozen=True)
class ModalRef:
    """A standup modal: the day, the revision it was opened on, and the DM message to update."""

    program_id: int
    rep_user_id: str
    number: int
    revision: int  # 0: opened for a first answer
    channel_id: str | None = None
    ts: str | None = None

    def to_metadata(self) -> str:
        """The view's private_metadata."""
        return _dumps(
            {
                "p": self.program_id,
                "r": self.rep_user_id,
                "d": self.number,
                "v": self.revision,
                "c": self.channel_id,
                "t": self.ts,
            }
        )

    @classmethod
    def from_metadata(cls, metadata: str) -> ModalRef:
        """Parse private_metadata (InvalidInput if it is not one of ours)."""
        data = _loads(metadata)
        return cls(
            int(data["p"]),
            str(data["r"]),
            int(data["d"]),
            int(data["v"]),
            data.get("c"),
            data.get("t"),
        )


def _dumps(data: dict[str, object]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _loads(raw: str) -> dict[str, Any]:
    try:
        data = json.loads(raw)
        if not isinstance(data, dict) or not {"p", "r", "d"} <= data.keys():
            raise ValueError("not a standup reference")
    except ValueError:
        raise InvalidInput("That button is not from a kickoff-bot standup.") from None
    return data
