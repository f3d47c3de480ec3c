"""What standup buttons and modals carry: which program, rep and day they are about.

Slack sends these back verbatim, and anyone can forge them: handlers only use them to look the
rep's own day up in the database (the actor must be the rep), never as facts. Nothing here names
a Slack message, and what a rep typed travels as the id of its stored row, never as text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from bot.blocks.metadata import FORGED, read_int, read_metadata
from bot.domain.kinds import DeliveryKind
from bot.errors import InvalidInput

# The stored DMs a modal can be opened from.
SOURCES = frozenset({DeliveryKind.STANDUP_PROMPT, DeliveryKind.STANDUP_REMINDER})


@dataclass(frozen=True)
class DayRef:
    """A button about Day `number` of a program for one rep; `typed_id` names a typed DM."""

    program_id: int
    rep_user_id: str
    number: int
    typed_id: int | None = None

    def to_value(self) -> str:
        """The button value (a few dozen characters, far from Slack's 2,000)."""
        base: dict[str, object] = {"p": self.program_id, "r": self.rep_user_id, "d": self.number}
        return _dumps(base if self.typed_id is None else base | {"t": self.typed_id})

    @classmethod
    def from_value(cls, value: object) -> DayRef:
        """Parse a button value (InvalidInput if it is not one of ours)."""
        data = read_metadata(value, "p", "r", "d")
        typed = data.get("t")
        return cls(read_int(data["p"]), _text(data["r"]), read_int(data["d"]),
                   None if typed is None else read_int(typed))


@dataclass(frozen=True)
class ModalRef:
    """A standup modal: the day, the revision it was opened on, and which of the rep's stored
    DMs of that day was clicked (None: another message, such as the reply to a typed DM)."""

    program_id: int
    rep_user_id: str
    number: int
    revision: int  # 0: opened for a first answer
    source: DeliveryKind | None = DeliveryKind.STANDUP_PROMPT

    def to_metadata(self) -> str:
        """The view's private_metadata."""
        return _dumps({"p": self.program_id, "r": self.rep_user_id, "d": self.number,
                       "v": self.revision, "s": self.source})

    @classmethod
    def from_metadata(cls, metadata: object) -> ModalRef:
        """Parse private_metadata (InvalidInput if it is not one of ours)."""
        data = read_metadata(metadata, "p", "r", "d", "v")
        source = data.get("s")
        if source is not None and source not in SOURCES:
            raise InvalidInput(FORGED)
        return cls(read_int(data["p"]), _text(data["r"]), read_int(data["d"]),
                   read_int(data["v"]), None if source is None else DeliveryKind(source))


def _dumps(data: dict[str, object]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _text(value: object) -> str:
    if not isinstance(value, str) or not value:
        raise InvalidInput(FORGED)
    return value
