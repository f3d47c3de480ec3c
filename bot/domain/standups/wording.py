"""Standup participation in words, the one wording the shell, the audit, the read-out and the App
Home share: all four outcomes said, so nobody has to work out the missed ones."""

from __future__ import annotations

from bot.domain.standups.participation import Counts
from bot.domain.surveys.results import rounded_percent


def participation_text(counts: Counts) -> str:
    """Expected rep-days, then answered (late among them), excused and missed, then the rate.

    The rate is answered of the rep-days that count: excused ones and days still open are left
    out, and the sentence says so, so the reader can check it from the figures beside it.
    """
    if not counts.expected:
        return "no standup rep-days expected yet"
    still_open = f", {counts.pending} still open" if counts.pending else ""
    outcomes = (f"{counts.expected} rep-days expected: {counts.answered} answered "
                f"({counts.late} late), {counts.excused} excused, {counts.missed} missed"
                f"{still_open}")
    counted = counts.answered + counts.missed
    if not counted:
        return f"{outcomes}; none closed unexcused yet"
    percent = rounded_percent(counts.answered, counted)
    closed = "closed and " if counts.pending else ""
    return f"{outcomes}; {percent}% answered of the {counted} {closed}not excused"
