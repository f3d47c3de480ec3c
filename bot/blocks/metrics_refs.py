"""What the metrics DMs and modals carry: the program, the week, whose numbers.

Slack sends these back verbatim and anyone can forge them: services look the program, the rep and
the manager up in the database and check the actor is the rep (reporting) or the rep's manager
(confirming, correcting) before anything is read or stored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from bot.blocks.metadata import read_int, read_member, read_metadata
from bot.domain.metrics.report import ReportKind


@dataclass(frozen=True)
class ReportRef:
    """A rep's report of one week (`kind` WEEK) or of a typical week before the kickoff
    (PRE_EVENT, week -1); `rep_id` is the person reported about."""

    program_id: int
    rep_id: int
    week: int
    kind: ReportKind

    def to_value(self) -> str:
        """A button value or a modal's private_metadata."""
        return json.dumps({"p": self.program_id, "r": self.rep_id, "w": self.week,
                           "k": self.kind.value}, separators=(",", ":"))

    @classmethod
    def from_value(cls, value: object) -> ReportRef:
        """Parse what `to_value` made (InvalidInput if it is not one of ours)."""
        data = read_metadata(value, "p", "r", "w", "k")
        week = data["w"]
        if not isinstance(week, int) or isinstance(week, bool):
            week = read_int(week)
        return cls(read_int(data["p"]), read_int(data["r"]), week,
                   read_member(ReportKind, data["k"]))


@dataclass(frozen=True)
class PendingReview:
    """A rep's reported week their manager has neither confirmed nor corrected: the rep's name,
    the report and its (metric name, unit, value) lines."""

    rep_name: str
    ref: ReportRef
    lines: tuple[tuple[str, str, float], ...]
